/**
 * Exonyms and older transliterations news text still uses, folded (lowercase, no diacritics) ->
 * the preferred current name. Only pairs that spelling rules cannot join (Kiev/Kyiv differ in
 * vowels, Kharkov/Kharkiv in the Russian -ov vs Ukrainian -iv) belong here; the rest is
 * `canonicalKey`'s job.
 */
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['kiev', 'Kyiv'],
  ['kyiv', 'Kyiv'],
  ['kharkov', 'Kharkiv'],
  ['odessa', 'Odesa'],
  ['nikolaev', 'Mykolaiv'],
  ['nikolayev', 'Mykolaiv'],
  ['lvov', 'Lviv'],
  ['lugansk', 'Luhansk'],
  ['zaporozhye', 'Zaporizhzhia'],
  ['zaporozhzhia', 'Zaporizhzhia'],
  ['dnepr', 'Dnipro'],
  ['dnipropetrovsk', 'Dnipro'],
  ['chernigov', 'Chernihiv'],
  ['rovno', 'Rivne'],
  ['artemovsk', 'Bakhmut'],
  ['bombay', 'Mumbai'],
  ['madras', 'Chennai'],
  ['calcutta', 'Kolkata'],
  ['peking', 'Beijing'],
  ['rangoon', 'Yangon'],
  ['burma', 'Myanmar'],
  ['ivory coast', "Cote d'Ivoire"],
  ['cote d ivoire', "Cote d'Ivoire"],
  ['turkiye', 'Turkey'],
  ['czechia', 'Czech Republic'],
  ['holland', 'Netherlands'],
];

export const EXONYMS: ReadonlyMap<string, string> = new Map(PAIRS);
