import { aSession, marco } from '../../../../testing/sessions';
import { draftsInSeriesOf, seriesKey } from './draft-series';

const ZONE = 'Europe/Berlin';
const TEMPLATE = '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d01';

/** A draft of the Monday 07:00 yoga series, on `date` at the UTC time that is 07:00 in Berlin then. */
const yoga = (startsAt: string, endsAt: string, overrides: Parameters<typeof aSession>[0] = {}) =>
  aSession({ status: 'draft', templateId: TEMPLATE, startsAt, endsAt, ...overrides });

describe('draft series', () => {
  it('puts the same class at the same wall-clock time and length in one series, across a daylight-saving change', () => {
    const winter = yoga('2027-03-22T06:00:00.000Z', '2027-03-22T07:00:00.000Z');
    const summer = yoga('2027-03-29T05:00:00.000Z', '2027-03-29T06:00:00.000Z');
    expect(seriesKey(summer, ZONE)).toBe(seriesKey(winter, ZONE));
  });

  it.each([
    ['another time', { startsAt: '2027-03-24T07:00:00.000Z', endsAt: '2027-03-24T08:00:00.000Z' }],
    ['another length', { endsAt: '2027-03-24T06:30:00.000Z' }],
    ['another trainer', { trainerId: marco.id }],
    ['another template', { templateId: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d02' }],
  ])('tells apart a class at %s', (_case, overrides) => {
    const one = yoga('2027-03-22T06:00:00.000Z', '2027-03-22T07:00:00.000Z');
    const other = yoga('2027-03-24T06:00:00.000Z', '2027-03-24T07:00:00.000Z', overrides);
    expect(seriesKey(other, ZONE)).not.toBe(seriesKey(one, ZONE));
  });

  it('groups classes without a template by their name', () => {
    const run = aSession({ templateId: null, name: 'Run Club' });
    expect(seriesKey(aSession({ templateId: null, name: 'Run Club' }), ZONE)).toBe(seriesKey(run, ZONE));
    expect(seriesKey(aSession({ templateId: null, name: 'Walk Club' }), ZONE)).not.toBe(seriesKey(run, ZONE));
  });

  it('finds the drafts of the chosen ones’ series, and no published class', () => {
    const monday = yoga('2027-03-22T06:00:00.000Z', '2027-03-22T07:00:00.000Z');
    const wednesday = yoga('2027-03-24T06:00:00.000Z', '2027-03-24T07:00:00.000Z');
    const published = yoga('2027-03-26T06:00:00.000Z', '2027-03-26T07:00:00.000Z', { status: 'published' });
    const evening = yoga('2027-03-24T17:00:00.000Z', '2027-03-24T18:00:00.000Z');
    expect(draftsInSeriesOf([monday], [monday, wednesday, published, evening], ZONE)).toEqual([monday, wednesday]);
  });
});
