/** The staff API under /api/v1/admin, for automation and the tests. */
package org.portcullis.web.api.admin;
