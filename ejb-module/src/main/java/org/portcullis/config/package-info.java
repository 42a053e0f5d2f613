/** Reading settings that hold secrets without exposing them as plain system properties. */
package org.portcullis.config;
