/**
 * Units of measure and currencies as news writes them. Data, not code: each entry maps surface
 * forms (lower-case, hyphens read as spaces) to a unit code, and a conversion to a canonical unit
 * so that cross-checking compares "20 miles" with "32 km".
 *
 * `factor` converts to `si` (value * factor); `offset` is added after (temperatures).
 */
export interface UnitDef {
  /** The code written into QuantityMention.unit ("km", "mi", "USD", "%"). */
  code: string;
  /** Surface forms, lower-case; multi-word forms separated by single spaces. */
  forms: string[];
  dimension: 'length' | 'area' | 'volume' | 'mass' | 'speed' | 'temperature' | 'money' | 'ratio' | 'time' | 'age' | 'power' | 'energy' | 'data' | 'frequency' | 'other';
  si?: string;
  factor?: number;
  offset?: number;
  /** Forms that are units only right after a number, never alone ("in", "m", "c"). */
  ambiguous?: string[];
}

export const UNITS: readonly UnitDef[] = [
  // length
  { code: 'km', forms: ['km', 'kms', 'kilometer', 'kilometers', 'kilometre', 'kilometres', 'klicks'], dimension: 'length', si: 'km', factor: 1 },
  { code: 'm', forms: ['m', 'meter', 'meters', 'metre', 'metres'], dimension: 'length', si: 'km', factor: 0.001, ambiguous: ['m'] },
  { code: 'cm', forms: ['cm', 'centimeter', 'centimeters', 'centimetre', 'centimetres'], dimension: 'length', si: 'km', factor: 1e-5 },
  { code: 'mm', forms: ['mm', 'millimeter', 'millimeters', 'millimetre', 'millimetres'], dimension: 'length', si: 'km', factor: 1e-6 },
  { code: 'mi', forms: ['mi', 'mile', 'miles'], dimension: 'length', si: 'km', factor: 1.609344 },
  { code: 'micrometre', forms: ['µm', 'μm', 'micrometer', 'micrometers', 'micrometre', 'micrometres', 'micron', 'microns'], dimension: 'length', si: 'km', factor: 1e-9 },
  { code: 'picometre', forms: ['picometer', 'picometers', 'picometre', 'picometres'], dimension: 'length', si: 'km', factor: 1e-15 },
  { code: 'nanometre', forms: ['nanometer', 'nanometers', 'nanometre', 'nanometres'], dimension: 'length', si: 'km', factor: 1e-12 },
  { code: 'nmi', forms: ['nautical mile', 'nautical miles', 'nmi'], dimension: 'length', si: 'km', factor: 1.852 },
  { code: 'ft', forms: ['ft', 'foot', 'feet', "'", '’'], dimension: 'length', si: 'km', factor: 0.0003048, ambiguous: ["'", '’'] },
  { code: 'in', forms: ['in', 'inch', 'inches', '"', '”'], dimension: 'length', si: 'km', factor: 0.0000254, ambiguous: ['in', '"', '”'] },
  { code: 'decimetre', forms: ['dm', 'decimeter', 'decimeters', 'decimetre', 'decimetres'], dimension: 'length', si: 'km', factor: 0.0001 },
  { code: 'yd', forms: ['yd', 'yard', 'yards'], dimension: 'length', si: 'km', factor: 0.0009144 },
  // area
  { code: 'km2', forms: ['km2', 'km²', 'sq km', 'square km', 'square kilometer', 'square kilometers', 'square kilometre', 'square kilometres', 'sq kilometres', 'sq kilometers'], dimension: 'area', si: 'km2', factor: 1 },
  { code: 'sq mi', forms: ['sq mi', 'sq miles', 'square mile', 'square miles', 'mi2', 'mi²'], dimension: 'area', si: 'km2', factor: 2.589988110336 },
  { code: 'm2', forms: ['m2', 'm²', 'sq m', 'square meter', 'square meters', 'square metre', 'square metres'], dimension: 'area', si: 'km2', factor: 1e-6 },
  { code: 'sq ft', forms: ['sq ft', 'square foot', 'square feet', 'sq feet'], dimension: 'area', si: 'km2', factor: 9.290304e-8 },
  { code: 'ha', forms: ['ha', 'hectare', 'hectares'], dimension: 'area', si: 'km2', factor: 0.01 },
  { code: 'acre', forms: ['acre', 'acres'], dimension: 'area', si: 'km2', factor: 0.0040468564224 },
  // mass
  { code: 'kg', forms: ['kg', 'kgs', 'kilogram', 'kilograms', 'kilogramme', 'kilogrammes', 'kilo', 'kilos'], dimension: 'mass', si: 'kg', factor: 1 },
  { code: 'g', forms: ['g', 'gram', 'grams', 'gramme', 'grammes'], dimension: 'mass', si: 'kg', factor: 0.001, ambiguous: ['g'] },
  { code: 'mg', forms: ['mg', 'milligram', 'milligrams'], dimension: 'mass', si: 'kg', factor: 1e-6 },
  { code: 't', forms: ['tonne', 'tonnes', 'metric ton', 'metric tons', 'ton', 'tons', 't'], dimension: 'mass', si: 'kg', factor: 1000, ambiguous: ['t'] },
  { code: 'microgram', forms: ['µg', 'μg', 'mcg', 'microgram', 'micrograms', 'microgramme', 'microgrammes'], dimension: 'mass', si: 'kg', factor: 1e-9 },
  { code: 'gigaton', forms: ['gt', 'gigatonne', 'gigatonnes', 'gigaton', 'gigatons'], dimension: 'mass', si: 'kg', factor: 1e12 },
  { code: 'megaton', forms: ['megatonne', 'megatonnes', 'megaton', 'megatons'], dimension: 'mass', si: 'kg', factor: 1e9 },
  { code: 'lb', forms: ['lb', 'lbs', 'pound-mass', 'pounds of weight'], dimension: 'mass', si: 'kg', factor: 0.45359237 },
  { code: 'oz', forms: ['oz', 'ounce', 'ounces'], dimension: 'mass', si: 'kg', factor: 0.028349523125 },
  // volume
  { code: 'l', forms: ['l', 'liter', 'liters', 'litre', 'litres'], dimension: 'volume', si: 'l', factor: 1, ambiguous: ['l'] },
  { code: 'ml', forms: ['ml', 'milliliter', 'milliliters', 'millilitre', 'millilitres'], dimension: 'volume', si: 'l', factor: 0.001 },
  { code: 'gal', forms: ['gal', 'gallon', 'gallons'], dimension: 'volume', si: 'l', factor: 3.785411784 },
  { code: 'pint', forms: ['pint', 'pints'], dimension: 'volume', si: 'l', factor: 0.473176473 },
  { code: 'quart', forms: ['quart', 'quarts'], dimension: 'volume', si: 'l', factor: 0.946352946 },
  { code: 'teaspoon', forms: ['teaspoon', 'teaspoons', 'tsp'], dimension: 'volume', si: 'l', factor: 0.00492892159375 },
  { code: 'tablespoon', forms: ['tablespoon', 'tablespoons', 'tbsp'], dimension: 'volume', si: 'l', factor: 0.01478676478125 },
  { code: 'bbl', forms: ['bbl', 'barrel', 'barrels'], dimension: 'volume', si: 'l', factor: 158.987294928 },
  { code: 'bpd', forms: ['bpd', 'barrels per day', 'barrels a day', 'barrel a day', 'barrel per day'], dimension: 'other' },
  { code: 'cubic metre', forms: ['m3', 'm³', 'cubic meter', 'cubic meters', 'cubic metre', 'cubic metres'], dimension: 'volume', si: 'l', factor: 1000 },
  // speed
  { code: 'km/h', forms: ['km/h', 'kph', 'kmh', 'km/hr', 'kmph', 'kilometers per hour', 'kilometres per hour', 'kilometers an hour', 'kilometres an hour'], dimension: 'speed', si: 'km/h', factor: 1 },
  { code: 'mph', forms: ['mph', 'miles per hour', 'miles an hour', 'mile per hour'], dimension: 'speed', si: 'km/h', factor: 1.609344 },
  { code: 'knot', forms: ['knot', 'knots', 'kt', 'kts'], dimension: 'speed', si: 'km/h', factor: 1.852 },
  { code: 'm/s', forms: ['m/s', 'meters per second', 'metres per second'], dimension: 'speed', si: 'km/h', factor: 3.6 },
  { code: 'miles per gallon', forms: ['mpg', 'miles per gallon'], dimension: 'other' },
  // temperature
  { code: '°C', forms: ['°c', '° c', '° celsius', 'degrees celsius', 'degree celsius', 'celsius', 'degrees centigrade', 'centigrade', 'deg c', 'degc', 'deg celsius', 'c'], dimension: 'temperature', si: '°C', factor: 1, ambiguous: ['c'] },
  { code: '°F', forms: ['°f', '° f', '° fahrenheit', 'degrees fahrenheit', 'degree fahrenheit', 'fahrenheit', 'degrees farenheit', 'farenheit', 'deg f', 'degf', 'deg fahrenheit', 'f'], dimension: 'temperature', si: '°C', factor: 5 / 9, offset: -160 / 9, ambiguous: ['f'] },
  { code: '°', forms: ['°', 'degree', 'degrees', 'deg'], dimension: 'other' },
  // ratio
  { code: '%', forms: ['%', 'percent', 'per cent', 'pct', 'percentage', 'pc'], dimension: 'ratio', si: '%', factor: 1, ambiguous: ['pc'] },
  { code: 'percentage point', forms: ['percentage point', 'percentage points', 'pp', 'points percentage'], dimension: 'ratio' },
  { code: 'basis point', forms: ['basis point', 'basis points', 'bps', 'bp'], dimension: 'ratio', si: 'percentage point', factor: 0.01 },
  { code: 'radian', forms: ['rad', 'radian', 'radians'], dimension: 'other' },
  { code: 'ppm', forms: ['ppm', 'parts per million'], dimension: 'ratio' },
  { code: 'parts-per-billion', forms: ['ppb', 'parts per billion'], dimension: 'ratio' },
  // power, energy, data, frequency, pressure, torque, voltage
  { code: 'newton metre', forms: ['nm', 'newton metre', 'newton metres', 'newton meter', 'newton meters', 'newton-metres'], dimension: 'other', ambiguous: ['nm'] },
  { code: 'foot pound-force', forms: ['lb ft', 'lb-ft', 'pound-feet', 'pound feet', 'foot-pounds', 'foot pounds'], dimension: 'other' },
  { code: 'kilopound per square inch', forms: ['ksi'], dimension: 'other' },
  { code: 'psi', forms: ['psi', 'pounds per square inch'], dimension: 'other' },
  { code: 'megapascal', forms: ['mpa', 'megapascal', 'megapascals'], dimension: 'other' },
  { code: 'kilovolt', forms: ['kv', 'kilovolt', 'kilovolts'], dimension: 'other' },
  { code: 'volt', forms: ['volt', 'volts'], dimension: 'other' },
  { code: 'point per game', forms: ['ppg', 'points per game'], dimension: 'other' },
  { code: 'rebound per game', forms: ['rpg', 'rebounds per game'], dimension: 'other' },
  { code: 'assist per game', forms: ['apg', 'assists per game'], dimension: 'other' },
  { code: 'calorie', forms: ['calorie', 'calories', 'kcal'], dimension: 'energy' },
  { code: 'hp', forms: ['hp', 'horsepower', 'ps', 'metric horsepower'], dimension: 'power', si: 'kW', factor: 0.745699872, ambiguous: ['ps'] },
  { code: 'brake horsepower', forms: ['bhp', 'brake horsepower'], dimension: 'power', si: 'kW', factor: 0.745699872 },
  { code: 'kW', forms: ['kw', 'kilowatt', 'kilowatts'], dimension: 'power', si: 'kW', factor: 1 },
  { code: 'MW', forms: ['mw', 'megawatt', 'megawatts'], dimension: 'power', si: 'kW', factor: 1000 },
  { code: 'GW', forms: ['gw', 'gigawatt', 'gigawatts'], dimension: 'power', si: 'kW', factor: 1e6 },
  { code: 'watt', forms: ['watt', 'watts'], dimension: 'power', si: 'kW', factor: 0.001 },
  { code: 'kWh', forms: ['kwh', 'kilowatt-hour', 'kilowatt hour', 'kilowatt hours', 'kilowatt-hours'], dimension: 'energy' },
  { code: 'MWh', forms: ['mwh', 'megawatt-hour', 'megawatt hour', 'megawatt hours', 'megawatt-hours'], dimension: 'energy' },
  { code: 'GWh', forms: ['gwh', 'gigawatt-hour', 'gigawatt hour', 'gigawatt hours', 'gigawatt-hours'], dimension: 'energy' },
  { code: 'GB', forms: ['gb', 'gigabyte', 'gigabytes'], dimension: 'data' },
  { code: 'MB', forms: ['mb', 'megabyte', 'megabytes'], dimension: 'data' },
  { code: 'TB', forms: ['tb', 'terabyte', 'terabytes'], dimension: 'data' },
  { code: 'megabit per second', forms: ['mbps', 'mbit/s', 'megabits per second', 'megabit per second'], dimension: 'data' },
  { code: 'gigabit per second', forms: ['gbps', 'gbit/s', 'gigabits per second', 'gigabit per second'], dimension: 'data' },
  { code: 'GHz', forms: ['ghz', 'gigahertz'], dimension: 'frequency' },
  { code: 'MHz', forms: ['mhz', 'megahertz'], dimension: 'frequency' },
  { code: 'Hz', forms: ['hz', 'hertz'], dimension: 'frequency' },
  // less common measures, spelled out (codes in the singular, as news-quantity corpora name them)
  { code: 'light year', forms: ['light year', 'light years', 'light-year', 'light-years'], dimension: 'length', si: 'km', factor: 9.4607e12 },
  { code: 'astronomical unit', forms: ['astronomical unit', 'astronomical units'], dimension: 'length', si: 'km', factor: 149597870.7 },
  { code: 'angstrom', forms: ['angstrom', 'angstroms', 'ångström', 'ångströms'], dimension: 'length', si: 'km', factor: 1e-13 },
  { code: 'fathom', forms: ['fathom', 'fathoms'], dimension: 'length', si: 'km', factor: 0.0018288 },
  { code: 'furlong', forms: ['furlong', 'furlongs'], dimension: 'length', si: 'km', factor: 0.201168 },
  { code: 'square inch', forms: ['square inch', 'square inches', 'sq in'], dimension: 'area', si: 'km2', factor: 6.4516e-10 },
  { code: 'square yard', forms: ['square yard', 'square yards', 'sq yd'], dimension: 'area', si: 'km2', factor: 8.3612736e-7 },
  { code: 'cubic foot', forms: ['cubic foot', 'cubic feet', 'cu ft'], dimension: 'volume', si: 'l', factor: 28.316846592 },
  { code: 'cubic inch', forms: ['cubic inch', 'cubic inches'], dimension: 'volume', si: 'l', factor: 0.016387064 },
  { code: 'cubic yard', forms: ['cubic yard', 'cubic yards'], dimension: 'volume', si: 'l', factor: 764.554857984 },
  { code: 'cubic kilometre', forms: ['cubic kilometer', 'cubic kilometers', 'cubic kilometre', 'cubic kilometres', 'km3', 'km³'], dimension: 'volume', si: 'l', factor: 1e12 },
  { code: 'cubic centimetre', forms: ['cubic centimeter', 'cubic centimeters', 'cubic centimetre', 'cubic centimetres', 'cm3', 'cm³', 'cc'], dimension: 'volume', si: 'l', factor: 0.001 },
  { code: 'centilitre', forms: ['centiliter', 'centiliters', 'centilitre', 'centilitres', 'cl'], dimension: 'volume', si: 'l', factor: 0.01 },
  { code: 'decilitre', forms: ['deciliter', 'deciliters', 'decilitre', 'decilitres', 'dl'], dimension: 'volume', si: 'l', factor: 0.1 },
  { code: 'hectolitre', forms: ['hectoliter', 'hectoliters', 'hectolitre', 'hectolitres', 'hl'], dimension: 'volume', si: 'l', factor: 100 },
  { code: 'fluid ounce', forms: ['fluid ounce', 'fluid ounces', 'fl oz'], dimension: 'volume', si: 'l', factor: 0.0295735295625 },
  { code: 'stone', forms: ['stone'], dimension: 'mass', si: 'kg', factor: 6.35029318, ambiguous: ['stone'] },
  { code: 'carat', forms: ['carat', 'carats', 'ct'], dimension: 'mass', si: 'kg', factor: 0.0002, ambiguous: ['ct'] },
  { code: 'dram', forms: ['dram', 'drams', 'drachm', 'drachma'], dimension: 'mass', si: 'kg', factor: 0.0017718451953125 },
  { code: 'grain', forms: ['grain of weight', 'grains of weight'], dimension: 'mass', si: 'kg', factor: 0.00006479891 },
  { code: 'foot per second', forms: ['feet per second', 'foot per second', 'ft/s', 'fps'], dimension: 'speed', si: 'km/h', factor: 1.09728 },
  { code: 'kilometre per second', forms: ['kilometers per second', 'kilometres per second', 'km/s'], dimension: 'speed', si: 'km/h', factor: 3600 },
  { code: 'mach', forms: ['mach'], dimension: 'speed' },
  { code: 'kelvin', forms: ['kelvin', 'kelvins'], dimension: 'temperature', si: '°C', factor: 1, offset: -273.15 },
  { code: 'joule', forms: ['joule', 'joules'], dimension: 'energy' },
  { code: 'kilojoule', forms: ['kilojoule', 'kilojoules', 'kj'], dimension: 'energy' },
  { code: 'megajoule', forms: ['megajoule', 'megajoules', 'mj'], dimension: 'energy', ambiguous: ['mj'] },
  { code: 'terawatt hour', forms: ['twh', 'terawatt-hour', 'terawatt hour', 'terawatt hours', 'terawatt-hours'], dimension: 'energy' },
  { code: 'terawatt', forms: ['tw', 'terawatt', 'terawatts'], dimension: 'power', si: 'kW', factor: 1e9, ambiguous: ['tw'] },
  { code: 'newton', forms: ['newton', 'newtons'], dimension: 'other' },
  { code: 'kilonewton', forms: ['kilonewton', 'kilonewtons', 'kn of force'], dimension: 'other' },
  { code: 'pascal', forms: ['pascal', 'pascals'], dimension: 'other' },
  { code: 'hectopascal', forms: ['hectopascal', 'hectopascals', 'hpa'], dimension: 'other' },
  { code: 'millibar', forms: ['millibar', 'millibars', 'mbar'], dimension: 'other' },
  { code: 'atmosphere', forms: ['atmospheres of pressure'], dimension: 'other' },
  { code: 'decibel', forms: ['decibel', 'decibels', 'db'], dimension: 'other', ambiguous: ['db'] },
  { code: 'ampere', forms: ['ampere', 'amperes', 'amp', 'amps'], dimension: 'other' },
  { code: 'milliampere', forms: ['milliampere', 'milliamperes', 'milliamp', 'milliamps', 'ma'], dimension: 'other', ambiguous: ['ma'] },
  { code: 'milliampere-hour', forms: ['mah', 'milliampere-hour', 'milliampere hours', 'milliamp hours'], dimension: 'energy' },
  { code: 'ohm', forms: ['ohm', 'ohms', 'Ω'], dimension: 'other' },
  { code: 'millivolt', forms: ['millivolt', 'millivolts', 'mv'], dimension: 'other', ambiguous: ['mv'] },
  { code: 'megavolt', forms: ['megavolt', 'megavolts'], dimension: 'other' },
  { code: 'kilobyte', forms: ['kb', 'kilobyte', 'kilobytes'], dimension: 'data' },
  { code: 'petabyte', forms: ['pb', 'petabyte', 'petabytes'], dimension: 'data', ambiguous: ['pb'] },
  { code: 'byte', forms: ['byte', 'bytes'], dimension: 'data' },
  { code: 'kilobit', forms: ['kilobit', 'kilobits', 'kbit'], dimension: 'data' },
  { code: 'megabit', forms: ['megabit', 'megabits', 'mbit'], dimension: 'data' },
  { code: 'gigabit', forms: ['gigabit', 'gigabits', 'gbit'], dimension: 'data' },
  { code: 'kilohertz', forms: ['khz', 'kilohertz'], dimension: 'frequency' },
  { code: 'teraflop', forms: ['teraflop', 'teraflops', 'tflops'], dimension: 'other' },
  { code: 'megapixel', forms: ['megapixel', 'megapixels', 'mp'], dimension: 'other', ambiguous: ['mp'] },
  { code: 'milligram per litre', forms: ['mg/l', 'milligrams per liter', 'milligrams per litre'], dimension: 'other' },
  // time (durations as figures; dates are the timex tagger's)
  { code: 'year', forms: ['year', 'years', 'yr', 'yrs'], dimension: 'time', si: 'day', factor: 365.25 },
  { code: 'month', forms: ['month', 'months'], dimension: 'time', si: 'day', factor: 30.44 },
  { code: 'week', forms: ['week', 'weeks'], dimension: 'time', si: 'day', factor: 7 },
  { code: 'day', forms: ['day', 'days'], dimension: 'time', si: 'day', factor: 1 },
  { code: 'hour', forms: ['hour', 'hours', 'hr', 'hrs'], dimension: 'time', si: 'day', factor: 1 / 24 },
  { code: 'minute', forms: ['minute', 'minutes', 'mins'], dimension: 'time', si: 'day', factor: 1 / 1440 },
  { code: 'second', forms: ['second', 'seconds', 'secs'], dimension: 'time', si: 'day', factor: 1 / 86400 },
  { code: 'decade', forms: ['decade', 'decades'], dimension: 'time', si: 'day', factor: 3652.5 },
  { code: 'century', forms: ['century', 'centuries'], dimension: 'time', si: 'day', factor: 36525 },
  // age
  { code: 'year-old', forms: ['year old', 'years old', 'year-old', 'years-old', 'year olds', 'year-olds', 'yo', 'y.o.'], dimension: 'age', si: 'year-old', factor: 1 },
  { code: 'month-old', forms: ['month old', 'months old', 'month-old', 'month-olds'], dimension: 'age', si: 'year-old', factor: 1 / 12 },
  { code: 'week-old', forms: ['week old', 'weeks old', 'week-old'], dimension: 'age' },
  { code: 'day-old', forms: ['day old', 'days old', 'day-old'], dimension: 'age' },
];

/** Currencies: symbols and codes written before the number, names and codes after it. */
export interface CurrencyDef {
  code: string;
  /** Written before the number: "$", "US$", "€", "Rs". Case-sensitive. */
  prefixes: string[];
  /** Written after the number, lower-case: "dollars", "euros", "usd". */
  names: string[];
  /** Full name used in compound units ("malaysian ringgit per month"). */
  longName: string;
  /** Written into QuantityMention.unit instead of the code when the ISO code is rarely seen in news. */
  unit?: string;
}

export const CURRENCIES: readonly CurrencyDef[] = [
  { code: 'USD', prefixes: ['$', 'US$', 'U.S.$', 'USD', 'US $'], names: ['dollar', 'dollars', 'usd', 'us dollars', 'us dollar', 'u.s. dollars', 'bucks', '$'] , longName: 'dollar' },
  { code: 'EUR', prefixes: ['€', 'EUR'], names: ['euro', 'euros', 'eur', '€'] , longName: 'euro' },
  { code: 'GBP', prefixes: ['£', 'GBP'], names: ['pound', 'pounds', 'pounds sterling', 'sterling', 'gbp', 'quid', '£'] , longName: 'pound sterling' },
  { code: 'JPY', prefixes: ['¥', 'JPY', 'Y='], names: ['yen', 'jpy', '¥'] , longName: 'japanese yen' },
  { code: 'CNY', prefixes: ['CNY', 'RMB'], names: ['yuan', 'renminbi', 'rmb', 'cny'] , longName: 'chinese yuan' },
  { code: 'AUD', prefixes: ['A$', 'AU$', 'AUD'], names: ['australian dollars', 'australian dollar', 'aud'] , longName: 'australian dollar' },
  { code: 'CAD', prefixes: ['C$', 'CA$', 'CAD', 'Can$'], names: ['canadian dollars', 'canadian dollar', 'cad'] , longName: 'canadian dollar' },
  { code: 'NZD', prefixes: ['NZ$', 'NZD'], names: ['new zealand dollars', 'nzd'] , longName: 'new zealand dollar' },
  { code: 'SGD', prefixes: ['S$', 'SG$', 'SGD'], names: ['singapore dollars', 'singapore dollar', 'singaporean dollars', 'sgd'], longName: 'singapore dollar', unit: 'singapore dollar' },
  { code: 'MXN', prefixes: ['Mex$', 'MX$', 'MXN'], names: ['mexican pesos', 'mexican peso', 'pesos', 'peso', 'mxn'], longName: 'mexican peso', unit: 'mexican peso' },
  { code: 'DKK', prefixes: ['DKK'], names: ['danish crowns', 'danish kroner', 'danish krone', 'dkk'], longName: 'danish krone', unit: 'danish krone' },
  { code: 'SEK', prefixes: ['SEK'], names: ['swedish crowns', 'swedish kronor', 'swedish krona', 'sek'], longName: 'swedish krona', unit: 'swedish krona' },
  { code: 'NOK', prefixes: ['NOK'], names: ['norwegian crowns', 'norwegian kroner', 'norwegian krone', 'nok'], longName: 'norwegian krone', unit: 'norwegian krone' },
  { code: 'DEM', prefixes: ['DM'], names: ['deutsche marks', 'deutsche mark', 'deutschemarks', 'd-marks', 'marks'], longName: 'mark', unit: 'mark' },
  { code: 'PLN', prefixes: ['PLN'], names: ['zloty', 'zlotys', 'zł', 'pln'], longName: 'polish zloty', unit: 'polish zloty' },
  { code: 'CZK', prefixes: ['CZK'], names: ['czech crowns', 'czech korunas', 'koruna', 'korunas', 'kč', 'czk'], longName: 'czech koruna', unit: 'czech koruna' },
  { code: 'HUF', prefixes: ['HUF'], names: ['forints', 'forint', 'huf'], longName: 'hungarian forint', unit: 'hungarian forint' },
  { code: 'HRK', prefixes: ['HRK'], names: ['kuna', 'kunas', 'kn', 'hrk'], longName: 'croatian kuna', unit: 'croatian kuna' },
  { code: 'BRL', prefixes: ['R$', 'BRL'], names: ['reais', 'reals', 'brazilian real', 'brazilian reais', 'brl'], longName: 'brazilian real', unit: 'brazilian real' },
  { code: 'NGN', prefixes: ['₦', 'NGN'], names: ['naira', 'nairas', '₦', 'ngn'], longName: 'nigerian naira', unit: 'nigerian naira' },
  { code: 'PHP', prefixes: ['₱', 'PHP'], names: ['philippine pesos', 'philippine peso', '₱'], longName: 'philippine peso', unit: 'philippine peso' },
  { code: 'VND', prefixes: ['₫', 'VND'], names: ['dong', '₫', 'vnd'], longName: 'vietnamese dong', unit: 'vietnamese dong' },
  { code: 'THB', prefixes: ['฿', 'THB'], names: ['baht', '฿', 'thb'], longName: 'thai baht', unit: 'thai baht' },
  { code: 'KZT', prefixes: ['₸', 'KZT'], names: ['tenge', '₸', 'kzt'], longName: 'kazakhstani tenge', unit: 'kazakhstani tenge' },
  { code: 'GEL', prefixes: ['₾', 'GEL'], names: ['lari', '₾'], longName: 'georgian lari', unit: 'georgian lari' },
  { code: 'LAK', prefixes: ['₭', 'LAK'], names: ['kip', '₭'], longName: 'lao kip', unit: 'lao kip' },
  { code: 'CRC', prefixes: ['₡', 'CRC'], names: ['colón', 'colones', 'colon', '₡'], longName: 'costa rican colón', unit: 'costa rican colón' },
  { code: 'GHS', prefixes: ['₵', 'GHS'], names: ['cedi', 'cedis', '₵'], longName: 'ghanaian cedi', unit: 'ghanaian cedi' },
  { code: 'PKR', prefixes: ['PKR'], names: ['pakistani rupees', 'pakistani rupee', 'pkr'], longName: 'pakistani rupee', unit: 'pakistani rupee' },
  { code: 'EGP', prefixes: ['EGP'], names: ['egyptian pounds', 'egyptian pound', 'egp'], longName: 'egyptian pound', unit: 'egyptian pound' },
  { code: 'SAR', prefixes: ['SAR'], names: ['riyals', 'riyal', 'saudi riyals', 'sar'], longName: 'saudi riyal', unit: 'saudi riyal' },
  { code: 'AED', prefixes: ['AED'], names: ['dirhams', 'dirham', 'aed'], longName: 'united arab emirates dirham', unit: 'united arab emirates dirham' },
  { code: 'HKD', prefixes: ['HK$', 'HKD'], names: ['hong kong dollars', 'hkd'] , longName: 'hong kong dollar' },
  { code: 'INR', prefixes: ['₹', 'Rs', 'Rs.', 'INR'], names: ['rupees', 'rupee', 'inr', '₹'] , longName: 'indian rupee' },
  { code: 'RUB', prefixes: ['₽', 'RUB'], names: ['roubles', 'rubles', 'rouble', 'ruble', 'rub'] , longName: 'russian ruble' },
  { code: 'UAH', prefixes: ['₴', 'UAH'], names: ['hryvnias', 'hryvnia', 'hryvnia', 'uah'] , longName: 'ukrainian hryvnia' },
  { code: 'CHF', prefixes: ['CHF', 'SFr'], names: ['swiss francs', 'francs', 'chf'] , longName: 'swiss franc' },
  { code: 'KRW', prefixes: ['₩', 'KRW'], names: ['won', 'krw'] , longName: 'south korean won' },
  { code: 'ILS', prefixes: ['₪', 'NIS', 'ILS'], names: ['shekels', 'shekel', 'nis'] , longName: 'shekel' },
  { code: 'TRY', prefixes: ['₺', 'TRY'], names: ['lira', 'liras', 'turkish lira'] , longName: 'turkish lira' },
  { code: 'ZAR', prefixes: ['ZAR'], names: ['rand', 'zar'] , longName: 'south african rand' },
  { code: 'MYR', prefixes: ['RM', 'MYR'], names: ['ringgit', 'myr'] , longName: 'malaysian ringgit' },
  { code: 'BTC', prefixes: ['BTC'], names: ['bitcoin', 'bitcoins', 'btc'] , longName: 'bitcoin' },
  { code: 'cent', prefixes: [], names: ['cent', 'cents', '¢'] , longName: 'cent' },
  { code: 'penny', prefixes: [], names: ['pence', 'penny', 'p'] , longName: 'penny' },
];

/** Scale words after a number: "1.2 million", "$3bn", "25k". */
export const SCALES: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3], ['thousands', 1e3], ['k', 1e3],
  ['million', 1e6], ['millions', 1e6], ['mln', 1e6], ['mil', 1e6], ['mn', 1e6], ['m', 1e6],
  ['billion', 1e9], ['billions', 1e9], ['bn', 1e9], ['bln', 1e9], ['b', 1e9],
  ['trillion', 1e12], ['trillions', 1e12], ['tn', 1e12], ['trn', 1e12],
  ['lakh', 1e5], ['crore', 1e7],
]);
