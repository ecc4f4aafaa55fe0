/**
 * The passwords the suite logs in with (the test simulators' account test has
 * the first), distinctive so that no ordinary text contains them. The secret
 * guard (secret-guard.ts) fails any test file whose captured output shows one.
 */
export const PASSWORD = 'tEst-Pw7';
export const WRONG_PASSWORD = 'wr0ngPw';
export const SECRETS = [PASSWORD, WRONG_PASSWORD];
