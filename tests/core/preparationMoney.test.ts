import { minorUnitsFromText, textFromMinorUnits } from '../../bot/core/preparationMoney';

test.each([
  ['25', 2500],
  ['25.5', 2550],
  ['£25.50', 2550],
  ['€ 12', 1200],
  ['1,200', 120000],
  [' 0.75 ', 75],
])('“%s” is %d minor units', (typed, minor) => {
  expect(minorUnitsFromText(typed)).toBe(minor);
});

test.each(['', 'twenty', '25.505', '-5', '12,34', '1e3', '£'])('“%s” is not an amount', (typed) => {
  expect(minorUnitsFromText(typed)).toBeUndefined();
});

test('a saved rate shows as people write money', () => {
  expect(textFromMinorUnits(2550)).toBe('25.50');
  expect(textFromMinorUnits(5)).toBe('0.05');
  expect(minorUnitsFromText(textFromMinorUnits(123456))).toBe(123456);
});
