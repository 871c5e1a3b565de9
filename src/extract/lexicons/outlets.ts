/**
 * News outlets (ORG, subtype "outlet"): canonical name and the other names news text uses for it.
 * Data, not code (CONVENTIONS: lexicons/). Used by entities (canonical ORG), attribution (`cites`)
 * and ingest (outlet from signature lines). Aliases are matched case-sensitively on word boundaries;
 * short aliases such as "the Journal" or "the Times" are only linked to a full name that the same
 * text names (see the entity linker).
 */
export interface Outlet {
  canonical: string;
  aliases: string[];
  /** Short forms that are ambiguous alone ("the Times", "the Journal", "the Post"). */
  shortForms?: string[];
  domains?: string[];
}

export const OUTLETS: readonly Outlet[] = [
  { canonical: 'Reuters', aliases: ['Reuters', 'Thomson Reuters'], domains: ['reuters.com'] },
  { canonical: 'Associated Press', aliases: ['Associated Press', 'AP', 'The Associated Press'], domains: ['apnews.com'] },
  { canonical: 'Agence France-Presse', aliases: ['Agence France-Presse', 'Agence France Presse', 'AFP'], domains: ['afp.com'] },
  { canonical: 'Bloomberg', aliases: ['Bloomberg', 'Bloomberg News'], domains: ['bloomberg.com'] },
  { canonical: 'The New York Times', aliases: ['The New York Times', 'New York Times', 'NYT', 'NY Times'], shortForms: ['the Times'], domains: ['nytimes.com'] },
  { canonical: 'The Wall Street Journal', aliases: ['The Wall Street Journal', 'Wall Street Journal', 'WSJ'], shortForms: ['the Journal'], domains: ['wsj.com'] },
  { canonical: 'The Washington Post', aliases: ['The Washington Post', 'Washington Post'], shortForms: ['the Post'], domains: ['washingtonpost.com'] },
  { canonical: 'Financial Times', aliases: ['Financial Times', 'The Financial Times', 'FT'], shortForms: ['the FT'], domains: ['ft.com'] },
  { canonical: 'The Guardian', aliases: ['The Guardian', 'Guardian'], domains: ['theguardian.com'] },
  { canonical: 'The Times', aliases: ['The Times of London'], domains: ['thetimes.co.uk'] },
  { canonical: 'The Economist', aliases: ['The Economist', 'Economist'], domains: ['economist.com'] },
  { canonical: 'BBC', aliases: ['BBC', 'BBC News', 'British Broadcasting Corporation', 'British Broadcasting Corp.'], domains: ['bbc.com', 'bbc.co.uk'] },
  { canonical: 'CNN', aliases: ['CNN', 'Cable News Network'], domains: ['cnn.com'] },
  { canonical: 'NBC News', aliases: ['NBC News', 'NBC'], domains: ['nbcnews.com'] },
  { canonical: 'CBS News', aliases: ['CBS News', 'CBS'], domains: ['cbsnews.com'] },
  { canonical: 'ABC News', aliases: ['ABC News', 'ABC'], domains: ['abcnews.go.com'] },
  { canonical: 'Fox News', aliases: ['Fox News', 'Fox News Channel'], domains: ['foxnews.com'] },
  { canonical: 'NPR', aliases: ['NPR', 'National Public Radio'], domains: ['npr.org'] },
  { canonical: 'Politico', aliases: ['Politico', 'POLITICO'], domains: ['politico.com', 'politico.eu'] },
  { canonical: 'Axios', aliases: ['Axios'], domains: ['axios.com'] },
  { canonical: 'The Hill', aliases: ['The Hill'], domains: ['thehill.com'] },
  { canonical: 'Newsweek', aliases: ['Newsweek'], domains: ['newsweek.com'] },
  { canonical: 'Newsmax', aliases: ['Newsmax'], domains: ['newsmax.com'] },
  { canonical: 'USA Today', aliases: ['USA Today', 'USA TODAY'], domains: ['usatoday.com'] },
  { canonical: 'Los Angeles Times', aliases: ['Los Angeles Times', 'LA Times', 'L.A. Times'], domains: ['latimes.com'] },
  { canonical: 'The Telegraph', aliases: ['The Telegraph', 'The Daily Telegraph', 'Telegraph'], domains: ['telegraph.co.uk'] },
  { canonical: 'The Independent', aliases: ['The Independent'], domains: ['independent.co.uk'] },
  { canonical: 'Al Jazeera', aliases: ['Al Jazeera', 'Al-Jazeera', 'Aljazeera'], domains: ['aljazeera.com'] },
  { canonical: 'Deutsche Welle', aliases: ['Deutsche Welle', 'DW'], domains: ['dw.com'] },
  { canonical: 'Der Spiegel', aliases: ['Der Spiegel', 'Spiegel'], domains: ['spiegel.de'] },
  { canonical: 'Le Monde', aliases: ['Le Monde'], domains: ['lemonde.fr'] },
  { canonical: 'TASS', aliases: ['TASS', 'Tass', 'ITAR-TASS'], domains: ['tass.com', 'tass.ru'] },
  { canonical: 'RIA Novosti', aliases: ['RIA Novosti', 'RIA'], domains: ['ria.ru'] },
  { canonical: 'Interfax', aliases: ['Interfax', 'Interfax-Ukraine'], domains: ['interfax.com'] },
  { canonical: 'RT', aliases: ['RT', 'Russia Today'], domains: ['rt.com'] },
  { canonical: 'Ukrinform', aliases: ['Ukrinform'], domains: ['ukrinform.net'] },
  { canonical: 'The Kyiv Independent', aliases: ['The Kyiv Independent', 'Kyiv Independent'], domains: ['kyivindependent.com'] },
  { canonical: 'Kyiv Post', aliases: ['Kyiv Post', 'The Kyiv Post'], domains: ['kyivpost.com'] },
  { canonical: 'Ukrainska Pravda', aliases: ['Ukrainska Pravda', 'Ukrayinska Pravda'], domains: ['pravda.com.ua'] },
  { canonical: 'Meduza', aliases: ['Meduza'], domains: ['meduza.io'] },
  { canonical: 'Xinhua', aliases: ['Xinhua', 'Xinhua News Agency'], domains: ['xinhuanet.com'] },
  { canonical: 'Kyodo News', aliases: ['Kyodo News', 'Kyodo'], domains: ['kyodonews.net'] },
  { canonical: 'Yonhap', aliases: ['Yonhap', 'Yonhap News Agency'], domains: ['yna.co.kr'] },
  { canonical: 'Rappler', aliases: ['Rappler', 'Rappler.com'], domains: ['rappler.com'] },
  { canonical: 'The Times of India', aliases: ['The Times of India', 'Times of India'], domains: ['timesofindia.indiatimes.com'] },
  { canonical: 'South China Morning Post', aliases: ['South China Morning Post', 'SCMP'], domains: ['scmp.com'] },
  { canonical: 'The Atlantic', aliases: ['The Atlantic'], domains: ['theatlantic.com'] },
  { canonical: 'The New Yorker', aliases: ['The New Yorker'], domains: ['newyorker.com'] },
  { canonical: 'Le Figaro', aliases: ['Le Figaro'], domains: ['lefigaro.fr'] },
  { canonical: 'El País', aliases: ['El País', 'El Pais'], domains: ['elpais.com'] },
  { canonical: 'Haaretz', aliases: ['Haaretz'], domains: ['haaretz.com'] },
  { canonical: 'The Times of Israel', aliases: ['The Times of Israel', 'Times of Israel'], domains: ['timesofisrael.com'] },
  { canonical: 'Sky News', aliases: ['Sky News'], domains: ['news.sky.com'] },
  { canonical: 'Euronews', aliases: ['Euronews'], domains: ['euronews.com'] },
  { canonical: 'The Daily Beast', aliases: ['The Daily Beast', 'Daily Beast'], domains: ['thedailybeast.com'] },
  { canonical: 'Business Insider', aliases: ['Business Insider', 'Insider'], domains: ['businessinsider.com'] },
  { canonical: 'CNBC', aliases: ['CNBC'], domains: ['cnbc.com'] },
  { canonical: 'Forbes', aliases: ['Forbes'], domains: ['forbes.com'] },
  { canonical: 'Time', aliases: ['Time magazine', 'TIME'], domains: ['time.com'] },
  { canonical: 'Voice of America', aliases: ['Voice of America', 'VOA'], domains: ['voanews.com'] },
  { canonical: 'Radio Free Europe/Radio Liberty', aliases: ['Radio Free Europe/Radio Liberty', 'Radio Free Europe', 'RFE/RL'], domains: ['rferl.org'] },
];
