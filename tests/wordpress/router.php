<?php
// PHP's built-in server as WordPress expects a web server: files as they are, every other path
// (/favicon.ico, /wp-json/...) to index.php.
$path = parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH );
if ( '/' !== $path && is_file( $_SERVER['DOCUMENT_ROOT'] . $path ) ) {
	return false;
}
if ( is_dir( $_SERVER['DOCUMENT_ROOT'] . $path ) && is_file( $_SERVER['DOCUMENT_ROOT'] . rtrim( $path, '/' ) . '/index.php' ) ) {
	require $_SERVER['DOCUMENT_ROOT'] . rtrim( $path, '/' ) . '/index.php';
	return true;
}
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
