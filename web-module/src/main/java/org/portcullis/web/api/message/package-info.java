/** The secure-message API: senders' submissions and handsets' inboxes. */
package org.portcullis.web.api.message;
