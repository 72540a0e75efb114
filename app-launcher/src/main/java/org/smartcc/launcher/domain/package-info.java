/** What the launcher knows without any server: app instances, launch URLs, callers, errors and CSRF tokens. */
package org.smartcc.launcher.domain;
