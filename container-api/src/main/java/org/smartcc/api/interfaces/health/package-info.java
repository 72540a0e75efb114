/** MicroProfile Health checks: live from the start, ready once the clinical data is loaded. */
package org.smartcc.api.interfaces.health;
