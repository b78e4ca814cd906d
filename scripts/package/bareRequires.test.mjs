import { describe, expect, it } from 'vitest';
import { bareRequires } from './bareRequires.mjs';

describe('bareRequires', () => {
  it("lists the packages a bundle requires, without Node's built-ins and relative files", () => {
    const bundle = `
      var db = require("better-sqlite3"); var fs = require("fs"); var p = require('node:path');
      var k = require( "@napi-rs/keyring" ); var t = require("./trezor-connect.cjs"); var w = require("fs/promises");
      var b = require("better-sqlite3"); var s = require("usb/dist/index.js"); var a = require("/abs/file.js");`;
    expect(bareRequires(bundle)).toEqual(['@napi-rs/keyring', 'better-sqlite3', 'usb/dist/index.js']);
  });

  it('ignores calls that are not package names, and requires of computed names', () => {
    const bundle = `require("Choose a sync folder first."); myrequire("zod"); require(process.env.NATIVE);`;
    expect(bareRequires(bundle)).toEqual([]);
  });
});
