import type Database from 'better-sqlite3';

/** `PRAGMA application_id` of every workbook file: ASCII "BDK1". */
export const APPLICATION_ID = 0x42444b31;

/**
 * One forward-only step of the file format. `sql` runs inside one transaction together with the
 * `user_version` bump, so a step is either wholly applied or not at all.
 */
export interface Migration {
  /** The schema version the file has after this step. */
  version: number;
  description: string;
  sql: string;
}

/**
 * Version 1: the first released layout.
 *
 * Projects keep their procurement items and performance target as JSON text columns rather than
 * child tables: they are always written and read together with their project (an edit replaces
 * the whole project record), nothing in the store queries them on their own, and pivots run on
 * the in-memory workbook. Budget and income lines, by contrast, are the bulk of the data and get
 * typed columns with amounts as INTEGER 分.
 *
 * `position` keeps each collection's order (gaps of POSITION_STEP, renumbered when a gap runs out).
 * Foreign keys are DEFERRABLE INITIALLY DEFERRED so that one edit list may, for example, delete a
 * unit and its lines in any order; they are checked at COMMIT.
 */
const V1 = `
CREATE TABLE state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  revision INTEGER NOT NULL CHECK (revision >= 0),
  undo_cursor INTEGER NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE singletons (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;

CREATE TABLE units (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  authorized_staff INTEGER NOT NULL,
  actual_staff INTEGER NOT NULL,
  retired_staff INTEGER NOT NULL
) STRICT;

CREATE TABLE projects (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  unit_id TEXT NOT NULL REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED,
  type TEXT NOT NULL,
  purpose TEXT NOT NULL,
  plan_march REAL,
  plan_june REAL,
  plan_october REAL,
  plan_december REAL,
  continuing INTEGER NOT NULL CHECK (continuing IN (0, 1)),
  procurement TEXT NOT NULL CHECK (json_valid(procurement)),
  performance TEXT NOT NULL CHECK (json_valid(performance)),
  CHECK ((plan_march IS NULL) = (plan_june IS NULL)
     AND (plan_june IS NULL) = (plan_october IS NULL)
     AND (plan_october IS NULL) = (plan_december IS NULL))
) STRICT;

CREATE TABLE income_lines (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  unit_id TEXT NOT NULL REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED,
  fund TEXT NOT NULL,
  function_code TEXT,
  amount INTEGER NOT NULL
) STRICT;

CREATE TABLE budget_lines (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  unit_id TEXT NOT NULL REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED,
  function_code TEXT NOT NULL,
  dept_econ_code TEXT NOT NULL,
  gov_econ_code TEXT NOT NULL,
  nature TEXT NOT NULL,
  project_id TEXT REFERENCES projects (id) DEFERRABLE INITIALLY DEFERRED,
  fund TEXT NOT NULL,
  amount INTEGER NOT NULL
) STRICT;

CREATE INDEX units_position ON units (position);
CREATE INDEX projects_position ON projects (position);
CREATE INDEX projects_unit ON projects (unit_id);
CREATE INDEX income_lines_position ON income_lines (position);
CREATE INDEX income_lines_unit ON income_lines (unit_id);
CREATE INDEX budget_lines_position ON budget_lines (position);
CREATE INDEX budget_lines_unit ON budget_lines (unit_id);
CREATE INDEX budget_lines_project ON budget_lines (project_id);

CREATE TABLE undo_steps (
  seq INTEGER PRIMARY KEY,
  edits TEXT NOT NULL,
  inverse TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  committed_at TEXT NOT NULL
) STRICT;
`;

/** Version 2: budget lines gained the clerk's free-text note. */
const V2 = `ALTER TABLE budget_lines ADD COLUMN note TEXT NOT NULL DEFAULT '';`;

/** Version 3: units gained 单位规格 and 经费保障形式 (Hebei's 机构设置 table). */
const V3 = `
ALTER TABLE units ADD COLUMN grade TEXT NOT NULL DEFAULT '';
ALTER TABLE units ADD COLUMN funding_form TEXT NOT NULL DEFAULT '';
`;

/**
 * Version 4: the workbook gained procurement paid from basic expenditure (singleton `basicProcurement`)
 * and free prose per narrative section (`texts.blocks`). Both start empty in an existing file; in a new
 * file the workbook's own values, written right after the migrations, replace the inserted row.
 */
const V4 = `
INSERT OR IGNORE INTO singletons (key, value) VALUES ('basicProcurement', '[]');
UPDATE singletons SET value = json_set(value, '$.blocks', json('{}'))
  WHERE key = 'texts' AND json_type(value, '$.blocks') IS NULL;
`;

/**
 * Version 5: grid input the clerk typed that is not (yet) a valid record — a bad code, a new row
 * still missing its required cells — kept per grid as JSON, so that a reload or a killed program
 * does not lose it. Not workbook content: no revision, no undo step, not exported.
 */
const V5 = `
CREATE TABLE drafts (
  grid TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;
`;

/**
 * Version 6: projects gained the facts their performance forms print: 项目负责人, 联系电话 and the planned
 * start and end (ISO month or date). Empty means not given.
 */
const V6 = `
ALTER TABLE projects ADD COLUMN manager TEXT NOT NULL DEFAULT '';
ALTER TABLE projects ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE projects ADD COLUMN planned_start TEXT NOT NULL DEFAULT '';
ALTER TABLE projects ADD COLUMN planned_end TEXT NOT NULL DEFAULT '';
`;

/** Every step from an empty file; a new workbook runs them all, an old one the rest. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, description: 'initial layout', sql: V1 },
  { version: 2, description: 'budget_lines.note', sql: V2 },
  { version: 3, description: 'units.grade, units.funding_form', sql: V3 },
  { version: 4, description: 'singletons basicProcurement, texts.blocks', sql: V4 },
  { version: 5, description: 'drafts', sql: V5 },
  { version: 6, description: 'projects.manager, phone, planned_start, planned_end', sql: V6 },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Runs the steps after `fromVersion`, each in its own transaction with its `user_version` bump
 * and a foreign-key check, so a failure leaves the file at the last completed version.
 */
export function migrate(db: Database.Database, fromVersion: number): void {
  for (const step of MIGRATIONS) {
    if (step.version <= fromVersion) continue;
    db.transaction(() => {
      db.exec(step.sql);
      const violations = db.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) throw new Error(`migration to v${step.version} leaves ${violations.length} broken references`);
      db.pragma(`user_version = ${step.version}`);
    }).immediate();
  }
}
