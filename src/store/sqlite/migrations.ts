/**
 * Versioned schema of the SQLite store. Each migration runs once, in its own transaction, and bumps
 * `schema_version`; append new migrations, never edit applied ones.
 */
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'articles with full-text index, inputs log, extractions, stories, state',
    sql: `
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  input TEXT NOT NULL,
  status TEXT NOT NULL,
  error TEXT,
  title TEXT,
  byline TEXT,
  published TEXT,
  published_from TEXT,
  source TEXT,
  url TEXT,
  lang TEXT,
  text TEXT NOT NULL,
  external_id TEXT,
  content_hash TEXT NOT NULL UNIQUE,
  fingerprint BLOB,
  duplicate_of TEXT REFERENCES articles(id),
  similarity REAL,
  ingested_at TEXT NOT NULL,
  story_id TEXT
);
CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_external_id ON articles(external_id) WHERE external_id IS NOT NULL;
CREATE INDEX articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;

-- External-content FTS5 table kept in step by triggers: the text is stored once.
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, coalesce(old.title, ''), old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, coalesce(old.title, ''), old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, coalesce(new.title, ''), new.text);
END;

CREATE TABLE inputs (
  seq INTEGER PRIMARY KEY,
  input TEXT NOT NULL,
  status TEXT NOT NULL,
  error TEXT,
  article_id TEXT,
  at TEXT NOT NULL
);
CREATE INDEX inputs_status ON inputs(status);

CREATE TABLE extractions (
  article_id TEXT PRIMARY KEY REFERENCES articles(id),
  data TEXT NOT NULL
);

CREATE TABLE stories (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL
);

CREATE TABLE state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`,
  },
  {
    version: 2,
    description: 'full-text index filled in batches (fts_progress) instead of a per-row trigger',
    // Indexing one article per transaction makes FTS5 write a segment per commit (~0.6 ms per
    // article); batches of FTS_BATCH cost ~0.25 ms. Rows above fts_progress.upto are indexed by
    // the next flush (every FTS_BATCH articles, before every search, at close, at open).
    sql: `
DROP TRIGGER articles_ai;
DROP TRIGGER articles_ad;
DROP TRIGGER articles_au;
CREATE TABLE fts_progress (upto INTEGER NOT NULL);
INSERT INTO fts_progress (upto) SELECT coalesce(max(seq), 0) FROM articles;
`,
  },
  {
    version: 3,
    description: 'story index covers what a story listing reads (ids and dates in ingestion order)',
    // listStories reads every assigned article's id and dates; through the old index on story_id alone
    // each one cost a table-row read (the row holds the text), ~1.3 s for 100k articles; the covering
    // index answers from the index alone. Still serves listArticles({ storyId }).
    sql: `
DROP INDEX articles_story;
CREATE INDEX articles_story ON articles(story_id, seq, id, published, ingested_at);
`,
  },
  {
    version: 4,
    description: 'full-text index with a prefix index for 3-character prefixes',
    // A prefix query without a prefix index merges the doclists of every term it matches: "qui*"
    // cost ~170-250 ms on 100k synthetic articles, ~0.1 ms with the index. Longer prefixes match
    // fewer terms ("dors*" ~12 ms) and an index for them too would double the FTS index, not add
    // half (95 -> 140 MB there; rebuilding costs 8.5 s where 7.3 s without). The table is rebuilt
    // by the flush at open (fts_progress back to 0): seconds per 100k articles, once.
    sql: `
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2', prefix='3'
);
UPDATE fts_progress SET upto = 0;
`,
  },
];

/** Brings a database to the latest schema. Throws naming the version when the file is newer than this build. */
export function migrate(db: Database.Database, path: string): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT max(version) AS v FROM schema_version').get() as { v: number | null };
  const current = row.v ?? 0;
  const latest = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
  if (current > latest) {
    throw new Error(`sqlite store: ${path} has schema version ${current}, newer than this build supports (${latest})`);
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    // BEGIN IMMEDIATE: two processes opening a fresh file at once serialise here; the loser re-checks.
    db.transaction(() => {
      const again = db.prepare('SELECT max(version) AS v FROM schema_version').get() as { v: number | null };
      if ((again.v ?? 0) >= m.version) return;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(m.version);
    }).immediate();
  }
  return latest;
}
