import { ValidateBy } from 'class-validator';

/** True for a finite number with at most `places` decimals, including exponent forms. */
export function hasAtMostDecimals(value: unknown, places: number): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  return Math.abs(value) < 1e15 && Number(value.toFixed(places)) === value;
}

/**
 * `IsNumber({ maxDecimalPlaces })` throws on numbers JavaScript prints in exponent form
 * (`1e-7`, `-9e-323`), which turned such input into a 500. This one refuses them with 400.
 */
export function IsDecimal(places: number): PropertyDecorator {
  return ValidateBy({
    name: 'isDecimal',
    validator: {
      validate: (value: unknown) => hasAtMostDecimals(value, places),
      defaultMessage: () => `$property must be a number with at most ${places} decimal places`,
    },
  });
}
