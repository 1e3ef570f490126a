/**
 * What the feature packages of the API share: the gateway that sends commands to the ledger and the
 * request parameters every feature reads the same way. It imports no feature package.
 */
package org.gongshi.api.web;
