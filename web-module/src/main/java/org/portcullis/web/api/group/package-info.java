/** Private groups over HTTP: opening, joining, messages, files, tickets, extension. */
package org.portcullis.web.api.group;
