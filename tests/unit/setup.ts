// IndexedDB for Dexie in happy-dom; the fake browser comes from WxtVitest.
import 'fake-indexeddb/auto';
