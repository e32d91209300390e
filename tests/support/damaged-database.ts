import { closeSync, openSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';

/** Overwrites one page of the file with garbage, as a failing disk would. Close every connection first. */
export function damagePage(file: string, page: number): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, (page - 1) * 4096);
  closeSync(fd);
}

/** Damages the first page of `table`: nothing reads it until a query touches that table. */
export function damageTable(file: string, table: string): void {
  const db = new Database(file);
  const page = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(table) as number;
  db.close();
  damagePage(file, page);
}
