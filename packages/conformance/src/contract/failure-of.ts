import { DriverFailure } from '@canvelete/testing/drivers';

/** Awaits an operation that must fail on the platform and returns what the user saw. */
export async function failureOf(operation: Promise<unknown>): Promise<DriverFailure['view']> {
  try {
    await operation;
  } catch (error) {
    if (error instanceof DriverFailure) return error.view;
    throw error;
  }
  throw new Error('expected the platform to fail the operation');
}
