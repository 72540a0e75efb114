/**
 * MicroProfile Health checks: live from the start; ready once the clinical data is loaded, while the database answers,
 * and unless the snapshot or Spark failed.
 */
package org.smartcc.api.interfaces.health;
