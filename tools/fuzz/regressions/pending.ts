// Regressions whose fix belongs to code another change is hardening now: their replay is a
// todo until that fix lands, then the line goes and the test runs. Keys are paths under
// tools/fuzz/regressions/; values say who fixes what.
export const pending: Readonly<Record<string, string>> = {};
