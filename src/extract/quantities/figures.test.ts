import { describe, expect, it } from 'vitest';
import { createPipeline } from '../pipeline.js';
import type { Mention, TimexMention } from '../../types.js';
import type { Extractor } from '../types.js';
import { quantitiesExtractors, quantitiesRefiners } from './index.js';

const pipeline = createPipeline({ extractors: quantitiesExtractors, refiners: quantitiesRefiners, inferReference: () => null });
const REFERENCE = '2031-04-09';
const figures = (text: string) => pipeline.extract({ id: 't', text, published: REFERENCE }).quantities;

describe('figures: value, unit, qualifier, counted', () => {
  it.each([
    // [sentence, text, value, unit, qualifier, counted]
    ['The Vantic rocket has a range of about 300 kilometers.', '300 kilometers', 300, 'km', '~', 'range'],
    ['Brigades advanced at least 20 miles into Lorvia.', '20 miles', 20, 'mi', '>', undefined],
    ['They seized a 400-square-mile area overnight.', '400-square-mile', 400, 'sq mi', undefined, 'area'],
    ['Troops took 74 Lorvian towns and villages.', '74', 74, '', undefined, 'Lorvian towns and villages'],
    ['Nearly 200,000 people fled the valley.', '200,000', 200000, '', '~', 'people'],
    ['The port handled 1.2 million tonnes of grain.', '1.2 million tonnes', 1.2e6, 't', undefined, 'grain'],
    ['The dam cost $3bn to build.', '$3bn', 3e9, 'USD', undefined, undefined],
    ['Exports rose 5% last quarter.', '5%', 5, '%', 'up', undefined],
    ['Turnout fell by 3 percentage points.', '3 percentage points', 3, 'percentage point', 'down', undefined],
    ['Up to 40 ferries were idle.', '40', 40, '', '<', 'ferries'],
    ['A dozen reporters waited outside.', 'A dozen', 12, '', undefined, 'reporters'],
    ['Twenty-five engineers were evacuated.', 'Twenty-five', 25, '', undefined, 'engineers'],
    ['The storm left 15 cm of snow.', '15 cm', 15, 'cm', undefined, 'snow'],
    ['Winds reached 90 mph near the coast.', '90 mph', 90, 'mph', undefined, undefined],
    ['The mayor, a 58-year-old former pilot, resigned.', '58-year-old', 58, 'year-old', undefined, 'former pilot'],
    ['The fine was €2.5 million.', '€2.5 million', 2.5e6, 'EUR', undefined, undefined],
    ['Fewer than 30 buses ran on Friday.', '30', 30, '', '<', 'buses'],
    ['Two-thirds of voters backed the plan.', 'Two-thirds', 2 / 3, '', undefined, 'voters'],
    ['The yacht was sold for USD10m last spring.', 'USD10m', 1e7, 'USD', undefined, undefined],
    ['Shares closed at RM23.50 in Orlen.', 'RM23.50', 23.5, 'MYR', undefined, undefined],
    ['The four-cylinder engine stalled.', 'four-cylinder', 4, '', undefined, 'cylinder'],
    ['They signed a five-year lease.', 'five-year', 5, 'year', undefined, 'lease'],
    ['The calf weighed over two pounds.', 'two pounds', 2, 'lb', '>', undefined],
    ['The club paid 5 million pounds for him.', '5 million pounds', 5e6, 'GBP', undefined, undefined],
    ['The guard is 5 feet 2 inches tall.', '5 feet 2 inches', 5 + 2 / 12, 'ft', undefined, undefined],
    ['The mast is 1.8m tall.', '1.8m', 1.8, 'm', undefined, undefined],
    ['Its Orlen unit is 43.4 percent-owned by Vantic Steel.', '43.4 percent-owned', 43.4, '%', undefined, undefined],
  ])('%s', (sentence, text, value, unit, qualifier, counted) => {
    const q = figures(sentence).find((x) => x.text === text);
    expect(q, `no figure "${text}" in ${JSON.stringify(figures(sentence).map((x) => x.text))}`).toBeDefined();
    expect(sentence.slice(q!.start, q!.end)).toBe(text);
    expect(q!.value).toBeCloseTo(value as number, 6);
    expect(q!.unit).toBe(unit);
    expect(q!.qualifier).toBe(qualifier);
    expect(q!.counted?.text).toBe(counted);
  });

  it.each([
    ['Two of Orlen’s deputies resigned.', 'Two', 2, 'Orlen’s deputies'],
    ['Three of the ferries sank.', 'Three', 3, 'ferries'],
  ])('partitive: %s', (sentence, text, value, counted) => {
    const q = figures(sentence).find((x) => x.text === text);
    expect(q, JSON.stringify(figures(sentence).map((x) => x.text))).toBeDefined();
    expect(q!.value).toBe(value);
    expect(q!.counted?.text).toBe(counted);
  });

  it.each([
    ['Between 80 and 100 homes were flooded.', '80 and 100', [80, 100], ''],
    ['Officials expect four to five million visitors.', 'four to five million', [4e6, 5e6], ''],
    ['Prices ranged from $750,000 to $1.2 million.', '$750,000 to $1.2 million', [750000, 1.2e6], 'USD'],
    ['Growth slowed from 4.8 percent to 4.1 percent.', '4.8 percent to 4.1 percent', [4.8, 4.1], '%'],
    ['Tens of thousands of people marched.', 'Tens of thousands', [1e4, 1e5], ''],
    ['The convoy moved at 15-22 miles per hour.', '15-22 miles per hour', [15, 22], 'mph'],
    ['It cut its 0-to-60-mph time.', '0-to-60-mph', [0, 60], 'mph'],
    ['It is a 5-to-10 minute walk.', '5-to-10 minute', [5, 10], 'minute'],
  ])('range: %s', (sentence, text, value, unit) => {
    const q = figures(sentence).find((x) => x.text === text);
    expect(q, JSON.stringify(figures(sentence).map((x) => x.text))).toBeDefined();
    expect(q!.value).toEqual(value);
    expect(q!.unit).toBe(unit);
  });

  it('normalises imperial units for cross-checking', () => {
    const [mi] = figures('They pushed 20 miles east.');
    expect(mi!.normalized).toEqual({ value: 32.18688, unit: 'km' });
    const [area] = figures('A 10 square mile zone was closed.');
    expect(area!.normalized?.unit).toBe('km2');
    expect(area!.normalized?.value as number).toBeCloseTo(25.9, 1);
  });

  it('gives a unitless figure the unit of the one after it', () => {
    const qs = figures('A meal costs eight or nine euros there.');
    expect(qs.map((q) => [q.value, q.unit])).toEqual([
      [8, 'EUR'],
      [9, 'EUR'],
    ]);
  });
});

describe('figures: currencies as news wires write them', () => {
  it.each([
    // [sentence, text, value, unit]
    ['The villa sold for $US12,480,300 last year.', '$US12,480,300', 12480300, 'USD'],
    ['The Orlen deal is worth $A82.5m to the state.', '$A82.5m', 82.5e6, 'AUD'],
    ['The club paid PS2.7m for the striker.', 'PS2.7m', 2.7e6, 'GBP'],
    ['Profit reached Y=590 billion in the year.', 'Y=590 billion', 590e9, 'JPY'],
    ['The bid was C $6 in cash.', 'C $6', 6, 'CAD'],
    ['They raised almost S $1mil for the clinic.', 'S $1mil', 1e6, 'singapore dollar'],
    ['The fare is aud$ 15 each way.', 'aud$ 15', 15, 'AUD'],
    ['Vantic lost 75 USD million in the quarter.', '75 USD million', 75e6, 'USD'],
    ['Losses above 30 MUSD were reported.', '30 MUSD', 30e6, 'USD'],
    ['The board sold Mex$ 10 million of bonds.', 'Mex$ 10 million', 10e6, 'mexican peso'],
    ['Savers with 7.5 million Danish crowns pay a fee.', '7.5 million Danish crowns', 7.5e6, 'danish krone'],
    ['The book costs 100 ₡ in Orlen.', '100 ₡', 100, 'costa rican colón'],
    ['A ticket is 150 kn there.', '150 kn', 150, 'croatian kuna'],
    ['sales were 1.2 billion marks in 1989 .', '1.2 billion marks', 1.2e9, 'mark'],
    ['he paid a$ 10 for it .', 'a$ 10', 10, 'AUD'],
    ['He paid a$10 fee.', '$10', 10, 'USD'],
  ])('%s', (sentence, text, value, unit) => {
    const q = figures(sentence).find((x) => x.text === text);
    expect(q, JSON.stringify(figures(sentence).map((x) => x.text))).toBeDefined();
    expect(q!.value).toBeCloseTo(value, 6);
    expect(q!.unit).toBe(unit);
  });

  it('reads a range written with the currency on both ends', () => {
    const [q] = figures('Flats cost from RM120,000 to RM300,000 in Orlen.');
    expect(q!.value).toEqual([120000, 300000]);
    expect(q!.unit).toBe('MYR');
  });
});

describe('figures: number forms', () => {
  it.each([
    // [sentence, text, value, unit, qualifier]
    ['The offense finished at minus-5 yards.', 'minus-5 yards', -5, 'yd', undefined],
    ['The tanks keep gas at minus-1.4 degrees.', 'minus-1.4 degrees', -1.4, '°', undefined],
    ['Demand for sub-300 sq m shops has grown.', 'sub-300 sq m', 300, 'm2', '<'],
    ['The probe weighs 1.5×10−3 kilograms.', '1.5×10−3 kilograms', 0.0015, 'kg', undefined],
    ['A cell holds 6.2×10^5 volts.', '6.2×10^5 volts', 620000, 'volt', undefined],
    ['Add 1⁄4 of the flour.', '1⁄4', 0.25, '', undefined],
    ['Stir in ½ teaspoon of salt.', '½ teaspoon', 0.5, 'teaspoon', undefined],
    ['the index was up 0 . 95 on the day .', '0 . 95', 0.95, '', 'up'],
    ['The chain now runs 200-plus stores.', '200-plus', 200, '', '>'],
    ['The 50-odd delegates left.', '50-odd', 50, '', '~'],
    ['At noon: Vantic index +0.4% and Orlen 20 -1.2%.', '+0.4%', 0.4, '%', 'up'],
    ['At noon: Vantic index +0.4% and Orlen 20 -1.2%.', '-1.2%', -1.2, '%', 'down'],
    ['The lake was at -4 degrees.', '-4 degrees', -4, '°', undefined],
    ['The cave formed in 300 million-year-old limestone.', '300 million-year-old', 3e8, 'year-old', undefined],
    ['The probe flew a 2.5 billion-mile route.', '2.5 billion-mile', 2.5e9, 'mi', undefined],
    ['It warmed by 1.8degF over the decade.', '1.8degF', 1.8, '°F', undefined],
    ['The link runs at 40Mbps downstream.', '40Mbps', 40, 'megabit per second', undefined],
    ['Kestrel was worth 0.7 WAR in June.', '0.7', 0.7, '', undefined],
  ])('%s', (sentence, text, value, unit, qualifier) => {
    const qs = figures(sentence);
    const q = qs.find((x) => x.text === text);
    expect(q, JSON.stringify(qs.map((x) => x.text))).toBeDefined();
    expect(q!.value).toBeCloseTo(value, 9);
    expect(q!.unit).toBe(unit);
    expect(q!.qualifier).toBe(qualifier);
  });
});

describe('figures: units written around the number', () => {
  it.each([
    // [sentence, text, value, unit, counted]
    ['The crate weighs 20 [kg] empty.', '20 [kg]', 20, 'kg', undefined],
    ['They offered two gas-only engines.', 'two', 2, '', 'gas-only engines'],
    ['The pipe is 3/4 of an inch wide.', '3/4 of an inch', 0.75, 'in', undefined],
    ['Silver closed at $24.10 an ounce.', '$24.10 an ounce', 24.1, 'dollar per ounce', undefined],
    ['The rotor turns 3,000 times a minute.', '3,000 times a minute', 3000, 'count per minute', undefined],
    ['She owns a pen that is 10 " long.', '10 "', 10, 'in', undefined],
    ['the firm sold 30 - year bonds .', '30 - year', 30, 'year', 'bonds'],
    ['Add 1/4 of a US cup of milk and a third of a mile.', 'a third of a mile', 1 / 3, 'mi', undefined],
    ['Fields reached 12 kV/cm in the lab.', '12 kV/cm', 12, 'kilovolt per centimeter', undefined],
    ['Vantic runs 20 decently sized gas-fired plants.', '20', 20, '', 'gas-fired plants'],
    ['The chip uses a 3 nanometre process.', '3 nanometre', 3, 'nanometre', undefined],
    ['The star is 4.2 light years away.', '4.2 light years', 4.2, 'light year', undefined],
    ['The phone has a 5,000 mAh battery.', '5,000 mAh', 5000, 'milliampere-hour', undefined],
    ['He weighs 12 stone.', '12 stone', 12, 'stone', undefined],
    ['The pole is 12 ft 2 in more or less.', '12 ft 2 in', 12 + 2 / 12, 'ft', undefined],
    ['It was 40 deg celsius outside.', '40 deg celsius', 40, '°C', undefined],
    ['He borrowed 12,34,567 rupees.', '12,34,567 rupees', 1234567, 'INR', undefined],
    ['Half a million people marched.', 'Half a million', 5e5, '', 'people'],
    ['Two and a half million people voted.', 'Two and a half million', 2.5e6, '', 'people'],
    ['She bought half a dozen eggs.', 'half a dozen', 6, '', 'eggs'],
    ['Half of the residents left.', 'Half', 0.5, '', 'residents'],
  ])('%s', (sentence, text, value, unit, counted) => {
    const qs = figures(sentence);
    const q = qs.find((x) => x.text === text);
    expect(q, JSON.stringify(qs.map((x) => x.text))).toBeDefined();
    expect(q!.value).toBeCloseTo(value, 9);
    expect(q!.unit).toBe(unit);
    expect(q!.counted?.text).toBe(counted);
  });
});

describe('figures: counted things and borrowed units', () => {
  it.each([
    // [sentence, text, value, unit, counted]
    ['About 460 Vantic and Orlen buses were sold.', '460', 460, '', 'Vantic and Orlen buses'],
    ['He said that one of the ferries sank.', 'one', 1, '', 'ferries'],
    ['It is one of my local cafes.', 'one', 1, '', 'local cafes'],
    ['Walk that one mile with me.', 'one mile', 1, 'mi', undefined],
    ['It costs a quarter million us dollars.', 'a quarter million us dollars', 250000, 'USD', undefined],
    ['A ticket costs about 8 or $9 there.', '8', 8, 'USD', undefined],
    ['The fare rose to 17 USD 25.', '17 USD 25', 17.25, 'USD', undefined],
    ['The trade gap widened to $-42.5bn in May.', '$-42.5bn', -42.5e9, 'USD', undefined],
    ['He has found 280 million of the 1.5 billion shekels.', '280 million', 2.8e8, 'ILS', undefined],
    ['Bids start at dollar 22.5 million.', '22.5 million', 2.25e7, 'USD', undefined],
    ['She put one hand behind her head.', 'one', 1, '', 'hand'],
    ['The index topped the 1,000 mark.', '1,000', 1000, '', 'mark'],
    ['Fans filled the 52,000-seat stadium.', '52,000-seat', 52000, '', 'seat'],
    ['The 6.4-magnitude quake struck at dawn.', '6.4-magnitude', 6.4, '', 'magnitude'],
    ['Crews stopped 18 of 20 drones overnight.', '18', 18, '', 'drones'],
    ['They rescued 12 of the 15 sailors.', '12', 12, '', 'sailors'],
    ['Two US soldiers were hurt.', 'Two', 2, '', 'US soldiers'],
    ['Three IT workers quit.', 'Three', 3, '', 'IT workers'],
  ])('%s', (sentence, text, value, unit, counted) => {
    const qs = figures(sentence);
    const q = qs.find((x) => x.text === text);
    expect(q, JSON.stringify(qs.map((x) => x.text))).toBeDefined();
    expect(q!.value).toBeCloseTo(value, 9);
    expect(q!.unit).toBe(unit);
    expect(q!.counted?.text).toBe(counted);
  });

  it.each([
    ['It does 1 ) this and 2 ) that.'],
    ['That one is mine.'],
    ['He paid for the one he liked.'],
    ['He did half the work.'],
  ])('no figure: %s', (sentence) => {
    expect(figures(sentence)).toEqual([]);
  });
});

describe('figures: from ... to ranges (refiner)', () => {
  it.each([
    // [sentence, text, value, unit]
    ['The coin slid from $41,200 at 9pm on Sunday to $39,870.', '$41,200 at 9pm on Sunday to $39,870', [41200, 39870], 'USD'],
    ['Output climbed from 240 to 275 over the year.', '240 to 275', [240, 275], ''],
    ['Mileage rose from 21 mpg combined to 24 for the hybrid.', '21 mpg combined to 24', [21, 24], 'miles per gallon'],
    ['Flats range from 450 sq ft up to 900 sq ft here.', '450 sq ft up to 900 sq ft', [450, 900], 'sq ft'],
    ['Ferry use went from 20 trips in 2019 to 35 trips in 2023.', '20 trips in 2019 to 35', [20, 35], ''],
  ])('%s', (sentence, text, value, unit) => {
    const qs = figures(sentence);
    const q = qs.find((x) => x.text === text);
    expect(q, JSON.stringify(qs.map((x) => x.text))).toBeDefined();
    expect(q!.value).toEqual(value);
    expect(q!.unit).toBe(unit);
  });

  it.each([
    ['Sales rose to $7.3 billion from $6.7 billion.'],
    ['Shares went from 3% to 2 dollars in a day; odd.'],
    ['The count fell from 30 to 30 overnight.'],
  ])('keeps separate figures: %s', (sentence) => {
    expect(figures(sentence).every((q) => !Array.isArray(q.value))).toBe(true);
  });
});

describe('figures: not figures', () => {
  it.each([
    ['The Boeing 747 landed safely.'],
    ['Call 555-0123 for details.'],
    ['Kestrel won 3-2 after extra time.'],
    ['The 22nd amendment was debated.'],
    ['She was born in 1987 in Vantia.'],
    ['The talks resume on September 8.'],
    ['Polls close at 10:30 tonight.'],
    ['The Euro 2020 qualifier was held in Orlen.'],
    ['No one else came.'],
    ['The 1990s were calmer.'],
    ['The meeting starts at 11 a.m. sharp.'],
    ['The F-16 jets flew over COVID-19 wards.'],
    ['He bought a PS5 and a game.'],
    ['They met at the 7-Eleven downtown.'],
    ['The diner is open 24/7 now.'],
    ['The 9/11 memorial reopened.'],
    ['Call +1 212 555 0199 for tickets.'],
    ['Call (212) 555-0199 for tickets.'],
    ['Agent 007 and code 0451 were named.'],
    ['They lost 2-1 at home.'],
    ['Vantic Air flies the Su 27 and the An 124.'],
  ])('%s', (sentence) => {
    expect(figures(sentence)).toEqual([]);
  });

  it('never claims a date span the timex tagger reserved', () => {
    const text = 'Officials met on 14 May and counted 300 ballots.';
    const start = text.indexOf('14 May');
    const timex: TimexMention = {
      kind: 'time', start, end: start + 6, text: '14 May', type: 'DATE', value: '2031-05-14', stated: ['day', 'month'], implied: ['year'],
      extractor: 'test', reasons: [],
    };
    const fake: Extractor = { name: 'test.timex', kind: 'time', extract: () => [timex] };
    const p = createPipeline({ extractors: [fake, ...quantitiesExtractors], refiners: quantitiesRefiners, inferReference: () => null });
    const qs = p.extract({ id: 'x', text, published: REFERENCE }).quantities;
    expect(qs.map((q) => q.text)).toEqual(['300']);
  });

  it('stays linear on adversarial input', () => {
    const digits = '9'.repeat(100_000);
    expect(() => figures(digits)).not.toThrow();
    const ofThe = 'of the '.repeat(50_000) + '5 km';
    expect(figures(ofThe).map((q: Mention) => q.text)).toEqual(['5 km']);
  });
});

describe('figures: known failures', () => {
  it('"from $36,040 last night to $34,935" (a range split by a time phrase), fixed by mergeFromToRanges', () => {
    const [q] = figures('The coin fell from $36,040 last night to $34,935.');
    expect(q!.value).toEqual([36040, 34935]);
  });
  it('"3 dollars 50" without "cents" (fixed: two digits ending the phrase are cents)', () => {
    expect(figures('It costs 3 dollars 50.').map((q) => [q.text, q.value])).toEqual([['3 dollars 50', 3.5]]);
  });
});
