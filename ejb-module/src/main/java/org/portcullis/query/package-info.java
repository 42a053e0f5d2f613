/**
 * Plain helpers for the paged, filtered queries behind the console's tables: LIKE patterns that
 * match what staff typed literally, and the paging bounds every list enforces.
 */
package org.portcullis.query;
