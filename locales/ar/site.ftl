# Interface strings of the Bielefeld site (Arabic).
site-title = نحن ندعم الاندماج!
