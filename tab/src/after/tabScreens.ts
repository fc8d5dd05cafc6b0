/**
 * The screens the app loads on demand besides the side panel and the stage: the meeting tab
 * (Prepare and After the meeting) and the summary page its link opens. One module, so the app
 * has a single extra chunk: a second one would split the side panel's own bundle in two and
 * make it larger (measured with `npm run build`).
 */
export { default as MeetingTabWithPlace } from './MeetingTabWithPlace';
export { default as DigestPage } from './DigestPage';
