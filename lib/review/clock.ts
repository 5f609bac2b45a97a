/** Time for locks and progress; tests pass a fake one. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
