/** Pattern verification (flows A and B), use IDs, attributes and the registration page's API. */
package org.portcullis.web.api.pattern;
