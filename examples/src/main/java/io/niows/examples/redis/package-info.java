/**
 * Topics shared by several niows processes through Redis pub/sub ({@link
 * io.niows.examples.redis.RedisRelay}), with Jedis: the only part of niows that needs a library
 * beyond the JDK, kept out of core.
 */
package io.niows.examples.redis;
