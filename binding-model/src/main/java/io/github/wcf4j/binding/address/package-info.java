/**
 * What an endpoint address carries besides its URI (WCF {@code EndpointAddress}): the identity the service must prove
 * ({@link io.github.wcf4j.binding.address.EndpointIdentity}) and the address headers sent with every message
 * ({@link io.github.wcf4j.binding.address.AddressHeader}).
 */
package io.github.wcf4j.binding.address;
