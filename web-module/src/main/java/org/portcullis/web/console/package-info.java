/**
 * The staff console under {@code /console}: Jakarta Faces backing beans, one per page, calling the
 * same EJB services as the admin API, behind Jakarta Security form login with staff accounts.
 */
package org.portcullis.web.console;
