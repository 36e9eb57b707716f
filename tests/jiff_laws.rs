#![cfg(feature = "jiff-1")]
