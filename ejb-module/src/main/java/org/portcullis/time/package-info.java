/** The server's one source of time, injectable so that tests can move it. */
package org.portcullis.time;
