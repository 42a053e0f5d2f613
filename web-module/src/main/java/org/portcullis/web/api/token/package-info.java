/** Access tokens over HTTP: login, access, logout (SPEC §3.7). */
package org.portcullis.web.api.token;
