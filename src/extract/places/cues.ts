/**
 * Word lists the toponym rules read (data, not logic). Lowercase, compared with normToken().
 */

/** Titles before a person's name: "Mr Lincoln", "Gov. Washington", "President Jackson". */
export const PERSON_TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'president', 'gov', 'governor', 'sen', 'senator', 'rep',
  'representative', 'gen', 'general', 'judge', 'justice', 'officer', 'coach', 'lord', 'sir', 'lady', 'king', 'queen',
  'prince', 'princess', 'pope', 'rev', 'reverend', 'father', 'sister', 'brother', 'lt', 'col', 'sgt', 'capt',
  'captain', 'cmdr', 'adm', 'maj', 'mayor', 'chancellor', 'minister', 'secretary', 'deputy', 'detective', 'det',
  'trooper', 'sheriff', 'chief', 'commissioner', 'councilman', 'councilwoman', 'assemblyman', 'assemblywoman',
  'superintendent', 'principal', 'pastor', 'bishop', 'archbishop', 'cardinal', 'rabbi', 'imam', 'dean', 'jr', 'sr',
]);

/** Capitalised words after a name that make it a first-level region: "Kharkiv Oblast", "Hebei Province". */
export const ADMIN1_SUFFIXES = new Set([
  'oblast', 'province', 'region', 'state', 'governorate', 'prefecture', 'krai', 'kray', 'voivodeship', 'canton',
  'territory', 'emirate', 'republic',
]);

/** Capitalised words after a name that make it a second-level unit: "Ocean County", "Orleans Parish". */
export const ADMIN2_SUFFIXES = new Set(['county', 'parish', 'district', 'borough', 'township', 'municipality', 'raion']);

/** Capitalised words after a place name that keep it a place inside an organisation name. */
export const ORG_CONTINUATIONS = new Set([
  'police', 'city', 'council', 'university', 'college', 'school', 'schools', 'hospital', 'airport', 'port',
  'high', 'middle', 'elementary', 'department', 'board', 'fire', 'public', 'library', 'museum', 'zoo', 'park',
  'area', 'metro', 'international', 'national', 'regional', 'municipal', 'district', 'court', 'station', 'bay',
  'river', 'lake', 'valley', 'avenue', 'street', 'road', 'township', 'village', 'town', 'mall', 'center', 'centre',
  'state', 'county', 'government', 'parliament', 'assembly', 'legislature', 'marathon', 'mayor', 'governor',
]);

/** Capitalised words that make the place before them part of a newspaper or brand name. */
export const MEDIA_CONTINUATIONS = new Set([
  'times', 'post', 'journal', 'herald', 'tribune', 'gazette', 'chronicle', 'examiner', 'courier', 'daily',
  'globe', 'observer', 'telegraph', 'independent', 'inquirer', 'sun-times', 'star-ledger', 'record', 'bee',
  'dispatch', 'register', 'sentinel', 'enquirer', 'free', 'press', 'review', 'standard', 'mirror', 'express',
]);

/** Lowercase words allowed inside a multi-word name: "Isle of Man", "Rio de Janeiro", "Trinidad and Tobago". */
export const NAME_CONNECTORS = new Set(['of', 'de', 'del', 'da', 'do', 'dos', 'la', 'le', 'les', 'los', 'las', 'the', 'and', 'upon', 'on', 'am', 'im', 'an', 'der', 'el', 'al', 'sur', 'en', 'y', 'di']);

/** Verbs after a place that make it stand for its government or people: "Moscow said". */
export const METONYMY_VERBS = new Set([
  'said', 'says', 'say', 'announced', 'announces', 'accused', 'accuses', 'warned', 'warns', 'denied', 'denies',
  'claimed', 'claims', 'insisted', 'insists', 'responded', 'rejected', 'rejects', 'agreed', 'agrees', 'urged',
  'urges', 'condemned', 'condemns', 'wants', 'wanted', 'demanded', 'demands', 'threatened', 'threatens',
  'vowed', 'vows', 'refused', 'refuses', 'signed', 'signs', 'imposed', 'imposes', 'sanctioned', 'recognized',
  'recognised', 'retaliated', 'backed', 'backs', 'supports', 'supported', 'protested', 'summoned', 'expelled',
  'voted', 'votes', 'launched', 'launches', 'hopes', 'believes', 'argued', 'argues', 'maintains', 'confirmed',
]);

/** Words that make a following person-like name a speaker rather than a place ("Marion said"). */
export const SPEECH_VERBS = new Set(['said', 'says', 'told', 'added', 'explained', 'noted', 'wrote', 'asked', 'replied']);

/** Phrases that contain place names but are not places (the administration, an aircraft, a market). */
export const NOT_PLACES = ['White House', 'Air Force One', 'Wall Street', 'Scotland Yard', 'Downing Street', 'Foggy Bottom', 'Holy See'];

/** Capitalised words that name no place in news although a gazetteer has a village so called. */
export const NOT_PLACE_WORDS = new Set([
  'christmas', 'easter', 'nato', 'jewish', 'muslim', 'christian', 'catholic', 'islamic', 'god', 'internet',
  'senate', 'congress', 'parliament', 'republican', 'republicans', 'democrat', 'democrats', 'democratic',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'covid', 'ebola', 'zika',
  'obama', 'trump', 'biden', 'putin', 'clinton', 'bush', 'facebook', 'twitter', 'google', 'apple', 'amazon',
  'mr', 'mrs', 'ms', 'dr', 'st', 'mt', 'ft', 'co', 'inc', 'corp', 'ltd', 'jr', 'sr', 'un', 'who', 'fbi', 'cia',
  'arab', 'arabs', 'hamas', 'hezbollah', 'taliban', 'brent', 'el nino', 'la nina', 'the city',
]);

/** Lowercase words after a place name that make it the name of a disease or strain ("Marburg virus"). */
export const DISEASE_WORDS = new Set(['virus', 'viruses', 'fever', 'disease', 'flu', 'influenza', 'strain', 'variant', 'encephalitis']);

/** Capitalised words after a name that make it part of a road's name ("Alton Edwardsville Road"). */
export const ROAD_WORDS = new Set(['road', 'street', 'avenue', 'drive', 'lane', 'boulevard', 'highway', 'parkway', 'pike', 'trail', 'rd', 'st', 'ave', 'blvd']);
