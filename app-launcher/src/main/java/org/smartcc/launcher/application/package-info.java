/** The launcher's use cases: launching app instances, revoking their tokens, reading records and the gallery. */
package org.smartcc.launcher.application;
