/**
 * The TIMEX3 tagger as a whole (dates extractors + dates refiners), on sentences written for these
 * tests, each with an explicit reference date. Offsets are checked against the expected text.
 */
import { describe, expect, it } from 'vitest';
import type { TimexMention } from '../../types.js';
import { createPipeline } from '../pipeline.js';
import { addDays, fmtWeek, isoWeek, toDays, fromDays, weekday } from './calendar.js';
import { datesExtractors, datesRefiners, inferReference } from './index.js';

const pipeline = createPipeline({ extractors: datesExtractors, refiners: datesRefiners, inferReference });

function tag(text: string, published: string | null): TimexMention[] {
  return pipeline.extract({ id: 't', text, ...(published !== null ? { published } : {}) }).timexes;
}

// [sentence, reference, expected text, type, value]
type Row = [string, string, string, 'DATE' | 'TIME' | 'DURATION' | 'SET', string];

// Reference dates used below: 2024-08-06 is a Tuesday; 2024-11-20 a Wednesday.
const positives: Row[] = [
  // absolute dates
  ['The ceasefire was signed on 6 August 2024 in Doha.', '2024-08-10', '6 August 2024', 'DATE', '2024-08-06'],
  ['The ceasefire was signed Aug. 6, 2024, officials said.', '2024-08-10', 'Aug. 6, 2024', 'DATE', '2024-08-06'],
  ['The report is dated 2024-08-06 and runs to 40 pages.', '2024-09-01', '2024-08-06', 'DATE', '2024-08-06'],
  ['Filings dated 08/06/2024 were withdrawn.', '2024-09-01', '08/06/2024', 'DATE', '2024-08-06'],
  ['The plant opened in August 1998 near the river.', '2024-09-01', 'August 1998', 'DATE', '1998-08'],
  ['The mayor took office in 1990 after a long campaign.', '2024-09-01', '1990', 'DATE', '1990'],
  ['Prices rose sharply during the 1990s in the region.', '2024-09-01', 'the 1990s', 'DATE', '199'],
  ['Growth was fastest in the late 1970s, economists said.', '2024-09-01', 'the late 1970s', 'DATE', '197'],
  ['Revenue in fiscal 2023 exceeded forecasts.', '2024-09-01', 'fiscal 2023', 'DATE', '2023'],
  ['The town was founded in the 19th century by fishermen.', '2024-09-01', 'the 19th century', 'DATE', '18'],
  ['The treaty dates from nineteen ninety-six.', '2024-09-01', 'nineteen ninety-six', 'DATE', '1996'],
  ['The talks resumed on Friday, Aug. 2, after a pause.', '2024-08-06', 'Friday, Aug. 2', 'DATE', '2024-08-02'],
  ['Shares will be issued by the end of 2025.', '2024-08-06', 'the end of 2025', 'DATE', '2025'],
  // months and years resolved by tense
  ['Officials said the bridge collapsed in May.', '2024-11-20', 'May', 'DATE', '2024-05'],
  ['The bridge collapsed in December, officials said.', '2024-03-10', 'December', 'DATE', '2023-12'],
  ['The new bridge will open in March.', '2024-11-20', 'March', 'DATE', '2025-03'],
  ['The company will hold its annual meeting on Sept. 30.', '2024-08-06', 'Sept. 30', 'DATE', '2024-09-30'],
  ['The rebels entered the city on July 14, residents said.', '2024-08-06', 'July 14', 'DATE', '2024-07-14'],
  ['Crops failed in early March across the province.', '2024-04-06', 'early March', 'DATE', '2024-03'],
  // no tense: a month up to three months ahead is this year's, further ahead last year's
  ['Shares climbed to $40 from $28 in March.', '2024-10-30', 'March', 'DATE', '2024-03'],
  ['A payout of 5 cents a share is payable Jan. 2 to holders of record.', '2024-11-20', 'Jan. 2', 'DATE', '2025-01-02'],
  // the year: a period closed by its end date is a duration, "for the year" the current year
  ['The mill earned $9 million in the year ended March 31.', '2024-08-06', 'the year', 'DURATION', 'P1Y'],
  ['The brewer expects higher sales for the full year.', '2024-08-06', 'the full year', 'DATE', '2024'],
  ['Hiring stayed flat throughout the fiscal year.', '2024-08-06', 'the fiscal year', 'DURATION', 'P1Y'],
  ['The merger should close by year-end.', '2024-08-06', 'year-end', 'DATE', '2024'],
  ["Rules should be in force by year's end.", '2024-08-06', "year's end", 'DATE', '2024'],
  ['Margins will stay thin in the near term.', '2024-08-06', 'the near term', 'DATE', 'FUTURE_REF'],
  ['Few people write letters these days.', '2024-08-06', 'these days', 'DATE', 'PRESENT_REF'],
  ['The offer had been scheduled to expire Friday, but it was extended.', '2024-08-06', 'Friday', 'DATE', '2024-08-02'],
  ['The offer is scheduled to expire Friday.', '2024-08-06', 'Friday', 'DATE', '2024-08-09'],
  ['Sales in the current fiscal year should rise.', '2024-08-06', 'the current fiscal year', 'DATE', '2024'],
  ['Holders may buy shares at half the then current price.', '2024-08-06', 'then current', 'DATE', 'PAST_REF'],
  ['The bank announced the plan Aug. 21, a spokesman said.', '2024-10-27', 'Aug. 21', 'DATE', '2024-08-21'],
  ['Solar power will one day be the cheapest source.', '2024-08-06', 'one day', 'DATE', 'FUTURE_REF'],
  ['The vote was postponed to a later date.', '2024-08-06', 'a later date', 'DATE', 'FUTURE_REF'],
  ['Tax credits will cut payments in future quarters.', '2024-08-06', 'future quarters', 'DATE', 'FUTURE_REF'],
  ['There were sell-offs in past years, too.', '2024-08-06', 'past years', 'DATE', 'PAST_REF'],
  ['Funds may have to sell bonds in the weeks ahead.', '2024-08-06', 'the weeks ahead', 'DURATION', 'PXW'],
  ['The festival lasts one day.', '2024-08-06', 'one day', 'DURATION', 'P1D'],
  ['Traders sold shares ahead of the weekend.', '2024-08-06', 'the weekend', 'DATE', '2024-W32-WE'],
  ['The rebels withdrew over the weekend.', '2024-08-06', 'the weekend', 'DATE', '2024-W31-WE'],
  ['The storm hit the coast in late-November.', '2024-12-10', 'late-November', 'DATE', '2024-11'],
  ['Orders stayed weak well into the summer.', '2024-10-10', 'the summer', 'DATE', '2024-SU'],
  ['Losses should narrow in coming quarters.', '2024-10-10', 'coming quarters', 'DATE', 'FUTURE_REF'],
  ['The ferry sank in mid-afternoon yesterday near the pier.', '2024-08-06', 'mid-afternoon yesterday', 'TIME', '2024-08-05TAF'],
  ['The judge will rule at midday, the clerk said.', '2024-08-06', 'midday', 'TIME', '2024-08-06T12:00'],
  ['A one-time gain of $4 million was booked in the 2023 period.', '2024-08-06', 'the 2023 period', 'DATE', '2023'],
  // an -ed adjective after a determiner is no past tense: the future auxiliary decides
  ['The dividend would be paid on a still unspecified date in January.', '2024-10-30', 'January', 'DATE', '2025-01'],
  // quarters, halves, seasons
  ['Profit fell 12% in the third quarter.', '2024-10-25', 'the third quarter', 'DATE', '2024-Q3'],
  ['The bank posted third-quarter losses.', '2024-10-25', 'third-quarter', 'DATE', '2024-Q3'],
  ['Sales rose in the fourth quarter of 2022.', '2024-10-25', 'the fourth quarter of 2022', 'DATE', '2022-Q4'],
  ['Sales rose 8% in the quarter.', '2024-10-25', 'the quarter', 'DATE', '2024-Q3'],
  ['Output fell in the first half of 2023.', '2024-10-25', 'the first half of 2023', 'DATE', '2023-H1'],
  ['The dam was finished in the summer of 2019.', '2024-10-25', 'the summer of 2019', 'DATE', '2019-SU'],
  ['Floods hit the valley last fall.', '2024-03-02', 'last fall', 'DATE', '2023-FA'],
  ['Floods hit the valley last fall.', '2025-02-10', 'last fall', 'DATE', '2024-FA'],
  ['The bridge will reopen next summer.', '2024-07-10', 'next summer', 'DATE', '2025-SU'],
  ['Snow is scarce this winter.', '2025-01-10', 'this winter', 'DATE', '2024-WI'],
  ['Revenue grew 9% in FY2023.', '2024-08-06', 'FY2023', 'DATE', '2023'],
  ['Margins improved in H1 2024.', '2024-08-06', 'H1 2024', 'DATE', '2024-H1'],
  ['Hip-hop spread in the eighties.', '2024-08-06', 'the eighties', 'DATE', '198'],
  // relative, deictic
  ['The minister resigned yesterday.', '2024-08-06', 'yesterday', 'DATE', '2024-08-05'],
  ['The minister will resign tomorrow.', '2024-08-06', 'tomorrow', 'DATE', '2024-08-07'],
  ['The minister resigned today.', '2024-08-06', 'today', 'DATE', '2024-08-06'],
  ['Talks broke down last week.', '2024-08-06', 'last week', 'DATE', '2024-W31'],
  ['Talks will resume next week.', '2024-08-06', 'next week', 'DATE', '2024-W33'],
  ['Prices doubled last year.', '2024-08-06', 'last year', 'DATE', '2023'],
  ['Prices doubled earlier this year.', '2024-08-06', 'earlier this year', 'DATE', '2024'],
  ['The plant will reopen early next year.', '2024-08-06', 'early next year', 'DATE', '2025'],
  ['Exports fell last month.', '2024-08-06', 'last month', 'DATE', '2024-07'],
  ['The vote was held two months ago.', '2024-08-06', 'two months ago', 'DATE', '2024-06'],
  ['The company was founded three years ago.', '2024-08-06', 'three years ago', 'DATE', '2021'],
  ['Sales rose in June last year.', '2024-08-06', 'June last year', 'DATE', '2023-06'],
  ['The strike began last May.', '2024-11-20', 'last May', 'DATE', '2024-05'],
  ['The strike began last May.', '2024-03-20', 'last May', 'DATE', '2023-05'],
  ['Protests spread this past weekend.', '2024-08-06', 'this past weekend', 'DATE', '2024-W31-WE'],
  ['The ruling came over the weekend.', '2024-08-06', 'the weekend', 'DATE', '2024-W31-WE'],
  // vague references
  ['The rebels recently seized the airport.', '2024-08-06', 'recently', 'DATE', 'PAST_REF'],
  ['The airport is now closed.', '2024-08-06', 'now', 'DATE', 'PRESENT_REF'],
  ['Exports can grow now that the port has reopened.', '2024-08-06', 'now', 'DATE', 'PRESENT_REF'],
  ['More storms are expected in the coming days.', '2024-08-06', 'the coming days', 'DATE', 'FUTURE_REF'],
  ['Incomes have stagnated in recent years.', '2024-08-06', 'recent years', 'DATE', 'PAST_REF'],
  ['Nobody knows what the future holds.', '2024-08-06', 'the future', 'DATE', 'FUTURE_REF'],
  // weekdays, resolved by tense
  ['The minister resigned Friday, aides said.', '2024-08-06', 'Friday', 'DATE', '2024-08-02'],
  ['The minister said Tuesday that he would stay.', '2024-08-06', 'Tuesday', 'DATE', '2024-08-06'],
  ['The minister will meet the unions on Thursday.', '2024-08-06', 'Thursday', 'DATE', '2024-08-08'],
  ['The minister met the unions last Tuesday.', '2024-08-06', 'last Tuesday', 'DATE', '2024-07-30'],
  ['The minister meets the unions next Monday.', '2024-08-06', 'next Monday', 'DATE', '2024-08-12'],
  ['This Saturday the crowd was calm in Lima.', '2024-08-06', 'This Saturday', 'DATE', '2024-08-03'],
  // times
  ['The blast happened at 10:30 a.m. near the market.', '2024-08-06', '10:30 a.m.', 'TIME', '2024-08-06T10:30'],
  ['The vote closes at 5 p.m. Friday.', '2024-08-06', '5 p.m. Friday', 'TIME', '2024-08-02T17:00'],
  ['The shelling started Tuesday morning.', '2024-08-06', 'Tuesday morning', 'TIME', '2024-08-06TMO'],
  ['Troops crossed the border last night.', '2024-08-06', 'last night', 'TIME', '2024-08-05TNI'],
  ['The council meets at noon.', '2024-08-06', 'noon', 'TIME', '2024-08-06T12:00'],
  ['The offer runs until 5 p.m. EST Nov. 9, the bank said.', '2024-11-02', '5 p.m. EST Nov. 9', 'TIME', '2024-11-09T17:00'],
  ['Sales rose in the 2023 third quarter.', '2024-11-02', 'the 2023 third quarter', 'DATE', '2023-Q3'],
  ['Growth slowed in the last half of 2023.', '2024-11-02', 'the last half of 2023', 'DATE', '2023-H2'],
  ['Pilgrims gather here each July.', '2024-11-02', 'each July', 'SET', 'XXXX-07'],
  ['The deal was agreed in January, after months of talks.', '2024-10-30', 'January', 'DATE', '2024-01'],
  ['The payment would be made in January.', '2024-10-30', 'January', 'DATE', '2025-01'],
  ['The minister met the unions on Friday.', '2024-08-06', 'Friday', 'DATE', '2024-08-02'],
  ['The envoy could arrive as early as Thursday.', '2024-08-06', 'Thursday', 'DATE', '2024-08-08'],
  ['Lawyers will appeal Monday\'s ruling.', '2024-08-08', 'Monday', 'DATE', '2024-08-05'],
  ['Until Monday, the two sides had not met.', '2024-08-08', 'Monday', 'DATE', '2024-08-05'],
  ['Police arrived around 7:15 p.m. on the day.', '2024-08-06', 'around 7:15 p.m.', 'TIME', '2024-08-06T19:15'],
  // durations
  ['The siege lasted three years.', '2024-08-06', 'three years', 'DURATION', 'P3Y'],
  ['The suspects were held for 48 hours.', '2024-08-06', '48 hours', 'DURATION', 'PT48H'],
  ['Prices rose 5% over the past three months.', '2024-08-06', 'the past three months', 'DURATION', 'P3M'],
  ['He signed a 10-year contract.', '2024-08-06', '10-year', 'DURATION', 'P10Y'],
  ['He signed a two-year contract.', '2024-08-06', 'two-year', 'DURATION', 'P2Y'],
  ['The dispute has gone on for more than a decade.', '2024-08-06', 'more than a decade', 'DURATION', 'P10Y'],
  ['Repairs will take several weeks.', '2024-08-06', 'several weeks', 'DURATION', 'PXW'],
  ['Profit rose in the first nine months.', '2024-08-06', 'the first nine months', 'DURATION', 'P9M'],
  ['The fighting has gone on for twenty four hours.', '2024-08-06', 'twenty four hours', 'DURATION', 'PT24H'],
  ['The talks lasted 2 1/2 years.', '2024-08-06', '2 1/2 years', 'DURATION', 'P2Y6M'],
  ['The flight took 5 1/2 hours.', '2024-08-06', '5 1/2 hours', 'DURATION', 'PT5H30M'],
  ['A day earlier, the army had left the town.', '2024-08-06', 'A day', 'DURATION', 'P1D'],
  // holidays
  ['Shops reopened after Christmas, traders said.', '2025-01-08', 'Christmas', 'DATE', '2024-12-25'],
  ['Crowds thinned after Thanksgiving Day.', '2024-12-02', 'Thanksgiving Day', 'DATE', '2024-11-28'],
  ['Turnout on Election Day was high.', '2024-11-10', 'Election Day', 'DATE', '2024-11-05'],
  ['Fireworks are banned on New Year\'s Eve.', '2024-12-10', "New Year's Eve", 'DATE', '2024-12-31'],
  // sets
  ['The ferry runs every week in summer.', '2024-08-06', 'every week', 'SET', 'P1W'],
  ['The ferry sails each Tuesday from the port.', '2024-08-06', 'each Tuesday', 'SET', 'XXXX-WXX-2'],
  ['The figures are published annually.', '2024-08-06', 'annually', 'SET', 'P1Y'],
  ['The president gave his weekly radio address.', '2024-08-06', 'weekly', 'SET', 'P1W'],
  ['Migrants send $1 billion a year home.', '2024-08-06', 'a year', 'SET', 'P1Y'],
  ['The airline runs four flights a week to Delhi.', '2024-08-06', 'a week', 'SET', 'P1W'],
  ['The market opens on Sundays.', '2024-08-06', 'Sundays', 'SET', 'XXXX-WXX-7'],
  ['Inspectors visit every two years.', '2024-08-06', 'every two years', 'SET', 'P2Y'],
  // coordinated days take the month (and year) of the first
  ['The summit will be held on April 24 and 25.', '2024-02-10', '25', 'DATE', '2024-04-25'],
  ['The summit was held on April 24 and 25, 2019, in Oslo.', '2024-02-10', 'April 24', 'DATE', '2019-04-24'],
  ['The summit was held on April 24 and 25, 2019, in Oslo.', '2024-02-10', '25, 2019', 'DATE', '2019-04-25'],
  ['The mill earned $4 million in the fiscal-first quarter ended Sept. 30.', '2024-10-28', 'the fiscal-first quarter', 'DATE', '2024-Q1'],
  // a fronted weekday takes the tense of the main clause, past a long subject
  ['On Tuesday, the National Association of Harbour Pilots plans to hold a news conference.', '2024-08-05', 'Tuesday', 'DATE', '2024-08-06'],
  ['On Friday, when the envoy set aside vacation plans, the talks resumed.', '2024-08-05', 'Friday', 'DATE', '2024-08-02'],
];

describe('dates: positives', () => {
  it.each(positives)('%s (ref %s) -> %s', (sentence, ref, text, type, value) => {
    const found = tag(sentence, ref);
    const start = sentence.indexOf(text);
    expect(start).toBeGreaterThanOrEqual(0);
    const m = found.find((t) => t.start === start);
    expect(m, JSON.stringify(found.map((t) => [t.text, t.value]))).toBeDefined();
    expect(m!.text).toBe(text);
    expect(m!.end).toBe(start + text.length);
    expect(m!.type).toBe(type);
    expect(m!.value).toBe(value);
  });
});

// Anchor chaining: [text, reference, expected text, value, anchor]
const anchored: Array<[string, string, string, string]> = [
  ['Profit rose in the third quarter. A year earlier, the bank lost money.', '2024-10-25', 'A year earlier', '2023-Q3'],
  ['The rebels entered the city on July 14. The next day, they took the airport.', '2024-08-06', 'The next day', '2024-07-15'],
  ['The dam broke in 2019. The following year, the valley was rebuilt.', '2024-08-06', 'The following year', '2020'],
  ['Police sealed the road on May 3, 2024. Residents had been warned the day before.', '2024-08-06', 'the day before', '2024-05-02'],
  ['Profit rose in the third quarter. In the first nine months, sales rose 4% from a year earlier.', '2024-10-25', 'a year earlier', '2023'],
  ['The bid was rejected in March. The following month, the company put itself up for sale.', '2024-10-30', 'The following month', '2024-04'],
  ['Sales rose 4% from the year-earlier quarter after a weak third quarter.', '2024-10-25', 'the year-earlier quarter', '2023'],
  // an anaphoric "following month" refers to the narrative time, however far back it was set
  ['The bid was rejected in March. The board met twice. Bankers were hired. Lawyers were consulted. The following month, the company put itself up for sale.', '2024-10-30', 'The following month', '2024-04'],
  ['The mill posted a loss for the fiscal-first quarter ended Sept. 30. It had a profit a year ago.', '2024-10-28', 'a year ago', '2023-Q1'],
  // the quarter being reported, not an aside or a quarter still running
  ['The mill posted higher third-quarter profit. After a flat second quarter, margins widened. Charges taken in the year-earlier period hurt.', '2024-10-25', 'the year-earlier period', '2023-Q3'],
  ['The mill posted higher third-quarter profit. Analysts expect weakness to continue into the fourth quarter. In the year-ago period, the mill lost money.', '2024-10-25', 'the year-ago period', '2023-Q3'],
  ['The mill posted higher third-quarter profit. In the 2023 period, it lost money.', '2024-10-25', 'the 2023 period', '2023-Q3'],
  ['The mill posted higher third-quarter profit. In the first nine months, it earned $9 million, up from $7 million in the 2023 period.', '2024-10-25', 'the 2023 period', '2023'],
];

describe('dates: anchors', () => {
  it.each(anchored)('%s', (sentence, ref, text, value) => {
    const found = tag(sentence, ref);
    const m = found.find((t) => t.text === text);
    expect(m, JSON.stringify(found.map((t) => [t.text, t.value]))).toBeDefined();
    expect(m!.start).toBe(sentence.indexOf(text));
    expect(m!.value).toBe(value);
  });
});

// Things that must not be tagged as (or inside) a timex: [sentence, forbidden text]
const negatives: Array<[string, string]> = [
  ['The Boeing 747 landed safely.', '747'],
  ['Air Force One touched down in Ohio.', 'One'],
  ['The court may rule on the case soon enough.', 'may'],
  ['Protesters march on the capital every year.', 'march'],
  ['Turnout was 2024 voters in the district.', '2024'],
  ['Unemployment fell to 4.5% in the survey.', '4.5'],
  ['The home side won 3-2 after extra time.', '3-2'],
  ['Call the hotline at 555-2024 for help.', '555-2024'],
  ['He bought coffee at a 7-Eleven store.', '7-Eleven'],
  ['Tickets for Euro 2024 sold out.', '2024'],
  ['© 2023 Example News. All rights reserved.', '2023'],
  ['More than 1990 people were evacuated.', '1990'],
  ['He read The Sunday Times over breakfast.', 'Sunday'],
  ['Her 6-year-old son was unhurt.', '6-year-old'],
  ['About three-quarters of voters agreed.', 'three-quarters'],
  ['He hosted 60 Minutes for years.', '60 Minutes'],
  ['For the town, high noon has arrived.', 'noon'],
  ['Mr. Lund, 61 years old, will retire in May.', '61 years'],
  ['The minister spoke on ABC\'s "This Week" program.', 'This Week'],
  ['Prices rose on May 3 and 4 people were hurt.', '4 people'],
];

describe('dates: negatives', () => {
  it.each(negatives)('%s -/-> %s', (sentence, bad) => {
    const found = tag(sentence, '2024-08-06');
    const a = sentence.indexOf(bad);
    const b = a + bad.length;
    expect(found.filter((t) => t.start < b && a < t.end).map((t) => t.text)).toEqual([]);
  });
});

describe('dates: known failures', () => {
  it.skip('"two months before January 20" as one DATE timex (we tag the TimeML way: a duration plus a date, see the offsets test)', () => {
    const found = tag('The deal was struck two months before January 20.', '2024-08-06');
    expect(found.find((t) => t.text === 'two months before January 20')?.value).toBe('2023-11-20');
  });
  it.skip('"the week of March 6" is one week-valued timex (we tag "March 6" alone)', () => {
    const found = tag('Talks are planned for the week of March 6.', '2024-02-01');
    expect(found[0]?.value).toBe('2024-W10');
  });
});

describe('dates: offsets and clock days', () => {
  it('anchors a duration to the date it counts from', () => {
    const found = tag('The deal was struck two months before January 20.', '2024-08-06');
    const d = found.find((t) => t.text === 'two months');
    expect(d?.value).toBe('P2M');
    expect(d?.anchor).toBe('2024-01-20');
    expect(d?.reasons).toContain('offset: 2023-11-20');
  });
  it('finds the date of the event the offset counts from', () => {
    const found = tag('The decision comes two months before the new mayor takes office, on January 20.', '2024-11-20');
    const d = found.find((t) => t.text === 'two months');
    expect(d?.anchor).toBe('2025-01-20');
    expect(d?.reasons).toContain('offset: 2024-11-20');
  });
  it('gives a clock time the day named in its sentence', () => {
    const found = tag('The blast occurred at 10:35 a.m. (0735 GMT) Friday near the embassy.', '2024-08-06');
    expect(found.find((t) => t.text === '10:35 a.m.')?.value).toBe('2024-08-02T10:35');
  });
});

describe('dates: without a reference', () => {
  it('leaves resolvable parts underspecified', () => {
    const found = tag('The strike began in May and ended Friday.', null);
    expect(found.map((t) => [t.text, t.value])).toEqual([
      ['May', 'XXXX-05'],
      ['Friday', 'XXXX-WXX-5'],
    ]);
  });
  it('reports stated and implied parts', () => {
    const [m] = tag('The minister resigned Friday.', '2024-08-06');
    expect(m!.stated).toEqual(['weekday']);
    expect(m!.implied).toEqual(['year', 'month', 'day']);
    expect(m!.extractor).toBe('dates:weekday');
  });
});

describe('dates: adversarial inputs finish (linear time)', () => {
  it.each([
    ['digits', '1'.repeat(100_000)],
    ['of the', 'of the '.repeat(50_000)],
    ['years', 'two years '.repeat(20_000)],
    ['months', 'May '.repeat(30_000)],
    ['hyphens', 'two-year-'.repeat(20_000)],
    ['slashes', '1/'.repeat(50_000)],
    ['coordinated days', 'May 1 and 2 and '.repeat(20_000)],
  ])('%s', (_name, text) => {
    const found = tag(text, '2024-08-06');
    expect(Array.isArray(found)).toBe(true);
  });
});

describe('publication-date inference', () => {
  const cases: Array<[string, string, string]> = [
    ['WARSAW, February 26, 2024 (Wire) -- The presidents met in the capital on Monday.', '2024-02-26', 'dateline'],
    ['The fire broke out on March 3, 2024, and burned for a week. Firefighters said Friday the blaze was out.', '2024-03-08', 'latest dated event'],
    ['KESTREL, March 12 (Wire) -- The ministers said Friday that exports rose in 2017.', '2021-03-12', 'dateline day and weekday fix the year'],
    ['PORT ALDER, June 2 (Wire) -- Officials said Monday that the ferry, built in 2015, was safe.', '2025-06-02', 'dateline day and weekday fix the year'],
    ['The Daily Ledger said in an editorial on Monday, Oct. 26: The clinic, opened in 2014, was attacked.', '2015-10-26', 'weekday and month-day fix the year'],
    ['The mill said net income for the quarter ended Sept. 30, 2024, rose 5%.', '2024-10-28', 'latest dated event'],
    ['The brewer said third-quarter profit rose 8%. Sales fell in 2023, the company said.', '2023-10-28', 'after the quarter reported'],
    ['KESTREL, February 26 (Wire) -- The ministers, who were invited to the summit in July 2016, will sign the treaty on March 12.', '2017-02-26', 'dateline after the past events named'],
    ['The port closed on March 3, 2023, officials said. Last year the port handled more ships than ever.', '2024-07-01', 'year after the latest year named, with "last year" comparisons'],
    ['Sales rose in 2024, the company said, and its notes due March 1, 2031, will be redeemed.', '2024-07-01', 'latest year mentioned'],
    ['The town was founded on April 6, 1961. The mill closed in 2018, reopened in 2019, and the council met on Tuesday.', '2019-07-02', 'not before the latest year named'],
  ];
  it.each(cases)('%s', (text, value, reason) => {
    const r = pipeline.extract({ id: 'x', text }).published;
    expect(r?.value).toBe(value);
    expect(r?.inferred).toBe(true);
    expect(r?.reasons).toContain(reason);
  });
  it('keeps the year named outside the past tense when the text compares with last year', () => {
    const text = 'The mill said third-quarter profit rose from a year earlier. Margins for the 2023 period are the best in a decade.';
    expect(pipeline.extract({ id: 'x', text }).published?.value.slice(0, 4)).toBe('2023');
    const past = 'The mill said third-quarter profit rose from a year earlier. In 2023, the mill earned $9 million.';
    expect(pipeline.extract({ id: 'x', text: past }).published?.value.slice(0, 4)).toBe('2024');
  });
  it('never dates a text by a "since" date alone: it is a lower bound', () => {
    const text = 'The Kestrel air-defence system has been in service since December 2022. A missile hit a radar site last week, officials said.';
    expect(pipeline.extract({ id: 'x', text }).published).toBeNull();
  });
  it('moves the year forward to a "since" date, not back', () => {
    const text = 'Talks collapsed on May 4, officials said. The ceasefire had held since January 2023, after a record harvest in 2022.';
    const r = pipeline.extract({ id: 'x', text }).published;
    expect(r?.value).toBe('2023-05-04');
    expect(r?.reasons).toContain('not before the year of a "since" date');
  });
  it('keeps an estimate at or after the latest "since" date', () => {
    const text = 'Farmers said the harvest of 2021 was the worst in memory. Prices have doubled since March 2022.';
    const r = pipeline.extract({ id: 'x', text }).published;
    expect(r!.value >= '2022-03-01').toBe(true);
    expect(r!.confidence).toBeLessThanOrEqual(0.2);
  });
  it('does not date a text by history recalled in a quotation', () => {
    const text = 'The council voted on Tuesday to rebuild the bridge. "On June 2, 2015, the river took everything," a farmer said.';
    expect(pipeline.extract({ id: 'x', text }).published).toBeNull();
  });
  it('counts a quoted present as the speaker\'s now', () => {
    const text = 'Sales "have not met our expectations for 2024," the chairman said on Friday.';
    expect(pipeline.extract({ id: 'x', text }).published?.value.slice(0, 4)).toBe('2024');
  });
  it('infers in linear time on unbalanced quotes and "since" chains', () => {
    for (const text of ['"since 1991 '.repeat(30_000), '``in 1991 \'\' '.repeat(30_000) + '"'.repeat(50_000)]) {
      const t0 = performance.now();
      pipeline.extract({ id: 'x', text });
      expect(performance.now() - t0).toBeLessThan(4000);
    }
  });
  it('uses the copyright year only for inference', () => {
    const x = pipeline.extract({ id: 'x', text: 'Floods hit the town in May.\n\n© 2023 Example News' });
    expect(x.published?.value.slice(0, 4)).toBe('2023');
    expect(x.timexes.map((t) => t.text)).toEqual(['May']);
    expect(x.timexes[0]!.value).toBe('2023-05');
  });
  it('takes a date in the URL path', () => {
    const x = pipeline.extract({ id: 'x', text: 'The minister resigned on Friday.', url: 'https://news.example/2024/08/06/minister-resigns' });
    expect(x.published).toMatchObject({ value: '2024-08-06', inferred: true, reasons: ['date in URL'] });
    expect(x.timexes[0]!.value).toBe('2024-08-02');
  });
  it('returns null without any date in the text', () => {
    expect(pipeline.extract({ id: 'x', text: 'The minister resigned on Friday.' }).published).toBeNull();
  });
  it('resolves relative expressions against the inferred date', () => {
    const x = pipeline.extract({ id: 'x', text: 'On June 3, 2024, the river flooded. The next day, the army arrived.' });
    expect(x.timexes.find((t) => t.text === 'The next day')?.value).toBe('2024-06-04');
  });
});

describe('calendar', () => {
  it.each([
    ['2024-08-06', 2],
    ['1970-01-01', 4],
    ['2000-02-29', 2],
  ])('weekday of %s is %i', (iso, wd) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    expect(weekday({ y, m, d })).toBe(wd);
    expect(fromDays(toDays({ y, m, d }))).toEqual({ y, m, d });
  });
  it('ISO weeks across the year boundary', () => {
    expect(isoWeek({ y: 2021, m: 1, d: 3 })).toEqual({ y: 2020, w: 53 });
    expect(fmtWeek({ y: 2024, m: 8, d: 6 })).toBe('2024-W32');
    expect(addDays({ y: 2024, m: 2, d: 28 }, 2)).toEqual({ y: 2024, m: 3, d: 1 });
  });
});

describe('drafts shared by inference and extraction (perDocument)', () => {
  it('gives each call its own copies and recomputes for another document', async () => {
    const { prepareDoc } = await import('../common/text.js');
    const { absoluteDates } = await import('./absolute.js');
    const ctx = { reference: null, prior: [] };
    const doc = prepareDoc({ id: 'a', text: 'The Lorrin bridge closed on March 3, 2031, and reopened on Friday.' });
    const first = absoluteDates.extract(doc, ctx);
    expect(first.map((m) => m.value)).toEqual(['2031-03-03']);
    first[0]!.value = 'changed';
    first[0]!.reasons.push('changed');
    const second = absoluteDates.extract(doc, ctx);
    expect(second.map((m) => [m.value, m.reasons.includes('changed')])).toEqual([['2031-03-03', false]]);
    const other = prepareDoc({ id: 'b', text: 'The Valdmoor ferry sank on June 9, 2030.' });
    expect(absoluteDates.extract(other, ctx).map((m) => m.value)).toEqual(['2030-06-09']);
    // extracting with and without inference first gives the same mentions
    const pipeline = createPipeline({ extractors: datesExtractors, refiners: datesRefiners, inferReference });
    const text = 'VALDMOOR — The ferry sank on June 9, 2030, officials said on Monday. Divers searched on Tuesday.';
    const inferred = pipeline.extract({ id: 'c', text });
    const given = pipeline.extract({ id: 'c', text, published: inferred.published!.value });
    expect(given.timexes.map((t) => [t.text, t.value])).toEqual(inferred.timexes.map((t) => [t.text, t.value]));
  });
});
