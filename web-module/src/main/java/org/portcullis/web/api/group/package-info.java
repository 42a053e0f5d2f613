/** Private groups over HTTP (SPEC §3.9): opening, joining, messages, files, tickets, extension. */
package org.portcullis.web.api.group;
