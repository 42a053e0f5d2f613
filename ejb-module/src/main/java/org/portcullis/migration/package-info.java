/** Versioned schema migrations, applied in order at start-up before anything uses the database. */
package org.portcullis.migration;
