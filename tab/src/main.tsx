/**
 * Starts the tab: connect to Teams (or fall back to local mode), then draw. Marks are left for
 * the browser tests' first-render measurement.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectToHost } from './teams';
import './global.css';

performance.mark('coproduce-start');
const root = createRoot(document.getElementById('root') as HTMLElement);
void connectToHost().then((place) => {
  if (place.localReason) console.info(`Coproduce tab in local mode: ${place.localReason}`);
  root.render(<App place={place} />);
  requestAnimationFrame(() => performance.mark('coproduce-shell-drawn'));
});
