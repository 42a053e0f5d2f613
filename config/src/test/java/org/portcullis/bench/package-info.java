/** Benchmarks that print numbers against a running Portcullis; run by hand, never as tests. */
package org.portcullis.bench;
