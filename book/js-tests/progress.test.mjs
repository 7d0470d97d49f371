// Progress in localStorage, and what happens when the browser refuses it
// (file:// pages in some browsers throw on any access).
import assert from "node:assert/strict";
import { test } from "node:test";
import { clientele } from "./helpers.mjs";

function fakeStorage() {
  const data = new Map();
  return {
    data,
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem: (k, v) => data.set(k, String(v)),
    removeItem: (k) => data.delete(k),
  };
}

test("solved codes are kept under clientele-progres", () => {
  const storage = fakeStorage();
  globalThis.localStorage = storage;
  try {
    assert.deepEqual(clientele.loadProgress(), {});
    assert.equal(clientele.saveProgress({ "NAP-11": true, "MRG-3": true }), true);
    assert.deepEqual(JSON.parse(storage.data.get("clientele-progres")).reussis, ["MRG-3", "NAP-11"]);
    assert.deepEqual(clientele.loadProgress(), { "MRG-3": true, "NAP-11": true });
    storage.data.set("clientele-progres", "{pas du json");
    assert.deepEqual(clientele.loadProgress(), {}, "a damaged entry is ignored");
  } finally {
    delete globalThis.localStorage;
  }
});

test("an unavailable localStorage falls back to memory without throwing", () => {
  Object.defineProperty(globalThis, "localStorage", {
    configurable: true,
    get() {
      throw new Error("SecurityError: access denied");
    },
  });
  try {
    assert.equal(clientele.saveProgress({ "NAP-11": true }), false);
    assert.deepEqual(clientele.loadProgress(), { "NAP-11": true });
  } finally {
    delete globalThis.localStorage;
  }
});
