/**
 * Small shared facts about this console instance.
 */
package org.iepmp.lifecycle.support;
