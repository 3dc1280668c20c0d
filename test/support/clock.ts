// The clocks the tests set with `now`, named once. The seed meeting (test/fixtures/events.ts):
// registration opens 2 July 2018 9.00, closes 14 September 17.00; the meeting is on 18 September
// 13.00–17.00, all Amsterdam time.

/** Inside the seed meeting's registration window: 1 August 2018, noon in Amsterdam. */
export const REGISTRATION_OPEN = new Date('2018-08-01T12:00:00+02:00');
