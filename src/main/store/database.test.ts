import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { NewerSchemaError, openDatabase } from './database';
import { MIGRATIONS } from './migrations';
import { SettingsRepository } from './settingsRepository';

const schema = (db: Database) =>
  db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('openDatabase', () => {
  const temp = useTempDatabase('migrate-');

  it('upgrades a database made by the first migration to the latest schema and keeps its data', () => {
    const file = join(temp.dir, 'old.sqlite');
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) });
    new SettingsRepository(old).writeMany(
      { theme: 'dark', activeChainId: 8453, unknownToThisBuild: [1, 2] },
      42,
    );
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    old.close();

    const upgraded = openDatabase(file);
    try {
      expect(upgraded.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(schema(upgraded)).toEqual(schema(temp.db));
      expect(new SettingsRepository(upgraded).records()).toEqual([
        { key: 'activeChainId', value: 8453, updatedAt: 42 },
        { key: 'theme', value: 'dark', updatedAt: 42 },
        { key: 'unknownToThisBuild', value: [1, 2], updatedAt: 42 },
      ]);
      expect(upgraded.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(upgraded.pragma('foreign_key_check')).toEqual([]);
    } finally {
      upgraded.close();
    }
  });

  it('opens with WAL, NORMAL sync and foreign keys on', () => {
    expect(temp.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(temp.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(temp.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('refuses a database from a newer version with a clear message and leaves the file untouched', () => {
    temp.db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    temp.db.close();
    const before = digest(temp.file);
    expect(() => openDatabase(temp.file)).toThrow(NewerSchemaError);
    expect(() => openDatabase(temp.file)).toThrow(
      /written by a newer version of the app .*Nothing was changed/,
    );
    expect(digest(temp.file)).toBe(before);
    temp.db = openDatabase(temp.file, {
      migrations: [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'next', up() {} }],
    });
  });

  it('rolls a failing migration back whole and stays at the last good version', () => {
    const file = join(temp.dir, 'failing.sqlite');
    const failing = [
      ...MIGRATIONS.slice(0, 1),
      {
        version: 2,
        name: 'half done',
        up(db: Database) {
          db.exec('CREATE TABLE half (x INTEGER) STRICT');
          throw new Error('disk on fire');
        },
      },
    ];
    expect(() => openDatabase(file, { migrations: failing })).toThrow('disk on fire');
    const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      expect(schema(db).map((row) => (row as { name: string }).name)).toEqual(['settings']);
    } finally {
      db.close();
    }
  });

  it('keeps the database and its -wal and -shm files readable by their owner only', () => {
    const mode = (path: string) => statSync(path).mode & 0o777;
    const file = join(temp.dir, 'fresh.sqlite');
    const db = openDatabase(file);
    try {
      new SettingsRepository(db).writeMany({ theme: 'dark' }, 1);
      for (const path of [file, `${file}-wal`, `${file}-shm`]) {
        expect(existsSync(path)).toBe(true);
        expect(mode(path)).toBe(0o600);
      }
    } finally {
      db.close();
    }
  });

  it('narrows the files of a database made before to the owner only', () => {
    temp.db.close();
    // A wallet from before, whose files any local user could read; and a -wal left by a crash.
    writeFileSync(`${temp.file}-wal`, '');
    for (const path of [temp.file, `${temp.file}-wal`]) chmodSync(path, 0o644);
    temp.db = openDatabase(temp.file);
    for (const path of [temp.file, `${temp.file}-wal`, `${temp.file}-shm`]) {
      expect(statSync(path).mode & 0o777).toBe(0o600);
    }
  });
});
