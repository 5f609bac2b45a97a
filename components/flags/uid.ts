let seq = 0;

/** Stable React keys for rows being edited (never rendered into the HTML, so server and client may differ). */
export const newUid = (): string => `k${++seq}`;
