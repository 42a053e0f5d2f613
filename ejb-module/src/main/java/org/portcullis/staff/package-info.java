/** Bank staff accounts: who may run Portcullis, with which role. */
package org.portcullis.staff;
