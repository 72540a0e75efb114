/**
 * The protocol URLs a browser is sent to (app launch, token authorization), the cohort pages' deep links and logout, as
 * servlets.
 */
package org.smartcc.launcher.interfaces.web;
