/** PIN pad endpoints for relying systems, and the digit images customers' browsers load. */
package org.portcullis.web.api.pinpad;
