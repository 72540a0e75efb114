/** Browser tests of the launcher: a headless Chromium against both WARs in one Payara Micro, as the embedded run. */
package org.smartcc.launcher.browser;
