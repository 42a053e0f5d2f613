/** Who is calling the API: relying systems and staff over HTTP Basic. */
package org.portcullis.web.security;
