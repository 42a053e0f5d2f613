/** The JAX-RS application at /api/v1: problem+json errors and caller authentication. */
package org.portcullis.web.api;
